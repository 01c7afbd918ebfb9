package dev.telec.migrate.testing;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A well-behaved step for manifests in tests: done when its marker file exists in the home, and
 * {@code migrate} creates it. Records the calls made on this instance.
 */
public class RecordingMigration implements Migration {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** The marker of step {@code id} in {@code home}: {@code .recorded-<id with / as _>}. */
    public static Path marker(Path home, String id) {
        return home.resolve(".recorded-" + id.replace('/', '_'));
    }

    @Override
    public boolean check(MigrationContext context) {
        calls.add("check " + context.id());
        return Files.exists(marker(context.home(), context.id()));
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        calls.add("migrate " + context.id());
        Files.createDirectories(context.home());
        Files.writeString(marker(context.home(), context.id()), context.id());
        return true;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
