package dev.telec.migrate.reliability;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A step whose effect would show if it were applied twice: it appends its id to {@code journal.txt} (a
 * second application adds a second line) and writes {@code docs/<id>.txt}, both through {@link AtomicFiles}.
 * Done when the journal holds its line. Counts its completed executions in {@code completed}, which lives
 * outside the file system under test and so survives its crashes; an execution that failed after its journal
 * line landed (a failed directory sync) counts too.
 */
final class JournalStep implements Migration {

    static final String JOURNAL = "journal.txt";

    private final Map<String, Integer> completed;

    JournalStep(Map<String, Integer> completed) {
        this.completed = completed;
    }

    static List<String> journal(Path home) throws IOException {
        Path file = home.resolve(JOURNAL);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public boolean check(MigrationContext context) throws IOException {
        return journal(context.home()).contains(context.id());
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        Path home = context.home();
        Path journal = home.resolve(JOURNAL);
        AtomicFiles.deleteLeftovers(journal); // temp files an earlier, interrupted run of a step left
        String before = Files.exists(journal) ? Files.readString(journal, StandardCharsets.UTF_8) : "";
        Path doc = home.resolve("docs").resolve(context.id().replace('/', '_') + ".txt");
        Files.createDirectories(doc.getParent());
        AtomicFiles.deleteLeftovers(doc);
        AtomicFiles.write(doc, ("written by " + context.id() + "\n").getBytes(StandardCharsets.UTF_8));
        String after = before + context.id() + "\n";
        try {
            AtomicFiles.write(journal, after.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a failed directory sync after the rename fails the step with its effect in place: that was an
            // execution, and a rerun will find it done (after a crash, the file system is dead and the
            // unsynced rename is undone: not one)
            if (holds(journal, after)) completed.merge(context.id(), 1, Integer::sum);
            throw e;
        }
        completed.merge(context.id(), 1, Integer::sum);
        return true;
    }

    private static boolean holds(Path file, String content) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(content);
        } catch (IOException e) {
            return false;
        }
    }
}
