package dev.telec.migrate.steps;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;

/** A test step whose migrate() throws an {@link Error}, as a step with a missing dependency would. */
public class ErrorStep implements Migration {

    @Override
    public boolean check(MigrationContext context) {
        return false;
    }

    @Override
    public boolean migrate(MigrationContext context) {
        throw new NoClassDefFoundError("com/example/Gone");
    }
}
