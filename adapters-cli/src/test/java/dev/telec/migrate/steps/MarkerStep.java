package dev.telec.migrate.steps;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test step named in manifests by {@code class:}: its change is the file {@code done/<id>}; a step
 * whose description contains {@code fail} throws instead.
 */
public class MarkerStep implements Migration {

    public static Path marker(Path home, String id) {
        return home.resolve("done").resolve(id.replace('/', '_'));
    }

    @Override
    public boolean check(MigrationContext context) {
        return Files.exists(marker(context.home(), context.id()));
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        if (context.id().contains("fail")) {
            throw new IOException("boom in " + context.id());
        }
        Path marker = marker(context.home(), context.id());
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, context.id());
        return true;
    }
}
