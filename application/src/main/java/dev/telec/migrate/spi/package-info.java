/**
 * Public API for step authors: the step contract. A Java step extends {@link dev.telec.migrate.spi.BaseMigration}
 * (rather than implementing {@link dev.telec.migrate.spi.Migration} directly, so that a method added to the contract
 * later gets its default there) and works through the {@link dev.telec.migrate.spi.MigrationContext} it is given.
 */
package dev.telec.migrate.spi;
