package dev.telec.migrate.internal.application;

import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test step whose change is the file {@code done/<id>}; it appends its id to {@code log} on every
 * migrate(), so tests see order and count of executions. Its behaviour on migrate() is chosen per test.
 */
final class FileStep implements Migration {

    enum Mode { OK, THROWS, RETURNS_FALSE, BREAKS_CONTRACT, CHECK_THROWS }

    final MigrationId id;
    final Mode mode;
    final List<String> log;
    int checks;

    FileStep(MigrationId id, Mode mode, List<String> log) {
        this.id = id;
        this.mode = mode;
        this.log = log;
    }

    static Path marker(Path home, MigrationId id) {
        return home.resolve("done").resolve(id.toString().replace('/', '_'));
    }

    @Override
    public boolean check(MigrationContext context) {
        checks++;
        if (mode == Mode.CHECK_THROWS) throw new IllegalStateException("cannot read " + id);
        return Files.exists(marker(context.home(), id));
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        log.add(context.id());
        switch (mode) {
            case THROWS -> throw new java.io.IOException("disk on fire in " + id);
            case RETURNS_FALSE -> { return false; }
            case BREAKS_CONTRACT -> { return true; }
            default -> { }
        }
        Path marker = marker(context.home(), id);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, context.id());
        return true;
    }
}
