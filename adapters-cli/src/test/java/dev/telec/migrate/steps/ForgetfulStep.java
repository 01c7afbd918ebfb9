package dev.telec.migrate.steps;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A step that is not idempotent: its check() remembers, in memory, the homes it migrated instead of looking at
 * them, and its migrate() appends a line to {@code notes.txt} each time. The runner's own check after migrate()
 * passes, so only a rerun on the result (without the state) shows it.
 */
public class ForgetfulStep implements Migration {

    private static final Set<Path> MIGRATED = ConcurrentHashMap.newKeySet();

    @Override
    public boolean check(MigrationContext context) {
        return MIGRATED.contains(context.home().toAbsolutePath());
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        Files.createDirectories(context.home());
        Files.writeString(context.home().resolve("notes.txt"), "migrated\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        MIGRATED.add(context.home().toAbsolutePath());
        return true;
    }
}
