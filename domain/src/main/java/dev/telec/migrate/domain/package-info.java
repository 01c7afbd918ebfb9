/**
 * Public API: the values commands take and reports are made of ({@link dev.telec.migrate.domain.Version},
 * {@link dev.telec.migrate.domain.MigrationId}, {@link dev.telec.migrate.domain.MigrationReport},
 * {@link dev.telec.migrate.domain.Validation}, ...). Each refuses to be invalid when it is built; none depends on
 * anything but the JDK.
 */
package dev.telec.migrate.domain;
