/**
 * Helpers for authors of Java steps ({@code class:} entries): the same comment-preserving YAML editing and
 * crash-safe file replacement that telec's declarative operations use. Every method works on any
 * {@link java.nio.file.FileSystem}, so steps that use them stay testable on Jimfs and visible to the dry-run.
 */
package dev.telec.migrate.kit;
