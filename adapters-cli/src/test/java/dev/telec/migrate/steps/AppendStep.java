package dev.telec.migrate.steps;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A test step for kill tests whose effect shows when it is applied twice: it appends its id to
 * {@code <home>/effects.log} in one {@code write} and forces it, so that a SIGKILL leaves the line whole or
 * absent; a second application adds a second line. Done when the log holds its line.
 *
 * <p>With {@code -Dtelec.test.stepMillis=N} it pauses N ms after its line is durable, before it returns: the
 * kill tests use that to make a run's steps last long enough for kills to land between a step's effect and
 * its record, and between steps.
 */
public class AppendStep implements Migration {

    public static final String LOG = "effects.log";

    public static List<String> effects(Path home) throws IOException {
        Path log = home.resolve(LOG);
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public boolean check(MigrationContext context) throws IOException {
        return effects(context.home()).contains(context.id());
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        Files.createDirectories(context.home());
        try (FileChannel log = FileChannel.open(context.home().resolve(LOG), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer line = ByteBuffer.wrap((context.id() + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) log.write(line);
            log.force(true);
        }
        long pause = Long.getLong("telec.test.stepMillis", 0);
        if (pause > 0) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }
}
