/**
 * Public API: what library callers catch. {@link dev.telec.migrate.api.TelecException} is thrown for every
 * condition that stops telec before or between steps (its message names the file and the cause); its subclasses
 * here are the kinds a caller may tell apart, each saying when it is thrown. A failing step is not an exception:
 * it is in the run's report.
 */
package dev.telec.migrate.api;
