package dev.telec.migrate.steps;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test step that holds its run (and so the home's lock) until the file {@code <home>/../go} exists; it writes
 * {@code <home>/../entered} when it starts waiting.
 */
public class BlockingStep implements Migration {

    @Override
    public boolean check(MigrationContext context) {
        return Files.exists(context.home().resolve("blocked-step-done"));
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        Files.writeString(context.home().resolveSibling("entered"), "in the step"); // outside the home: tells tests the run is here
        Path go = context.home().resolveSibling("go");
        for (int i = 0; i < 6000 && !Files.exists(go); i++) {
            Thread.sleep(10);
        }
        Files.writeString(context.home().resolve("blocked-step-done"), "done");
        return true;
    }
}
