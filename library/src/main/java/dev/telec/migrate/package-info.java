/**
 * The library entry point, {@link dev.telec.migrate.Telec}: the use cases wired with telec's own adapters, for an
 * app's updater. Public API, like {@code dev.telec.migrate.api} (the exceptions), {@code dev.telec.migrate.spi} (the
 * step contract), {@code dev.telec.migrate.kit} (helpers for Java steps), {@code dev.telec.migrate.domain} (the values
 * of commands and reports) and {@code dev.telec.migrate.application.port.in} (the use cases, their commands and
 * reports); every other package is internal and may change in any release (docs/architecture.md).
 */
package dev.telec.migrate;
