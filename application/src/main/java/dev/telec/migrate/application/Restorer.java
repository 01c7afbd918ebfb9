package dev.telec.migrate.application;

import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.application.port.out.Backups;
import dev.telec.migrate.application.port.out.HomeLocks;
import dev.telec.migrate.domain.Change;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The restore use case: with the home's lock held, finishes an interrupted restore if there is one, else puts
 * the home back to before the chosen run (and every later one) from their backups. A dry-run takes no lock.
 */
public final class Restorer implements RestoreUseCase {

    private final Backups backups;
    private final HomeLocks locks;

    public Restorer(Backups backups, HomeLocks locks) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public List<Backups.Summary> list(Path home) {
        return backups.list(home);
    }

    @Override
    public Report restore(RestoreCommand command) {
        Path home = command.home();
        if (command.dryRun()) {
            Optional<List<String>> interrupted = backups.interrupted(home);
            List<String> runs = interrupted.orElseGet(() -> select(command));
            return new Report(runs, backups.restore(home, runs, true), true, interrupted.isPresent());
        }
        try (HomeLocks.Held held = locks.acquire(home, command.lockWait(), "restore")) {
            Optional<List<String>> interrupted = backups.interrupted(home);
            List<String> runs = interrupted.orElseGet(() -> select(command));
            List<Change> changes = backups.restore(home, runs, false);
            return new Report(runs, changes, false, interrupted.isPresent());
        }
    }

    /** The runs to undo, newest first: the most recent, or every run down to the one named. */
    private List<String> select(RestoreCommand command) {
        List<Backups.Summary> kept = backups.list(command.home());
        if (kept.isEmpty()) {
            throw new TelecException(command.home(), "no backups to restore from (a run without a backup keeps none)", null);
        }
        if (command.runId().isEmpty()) {
            return List.of(kept.get(0).id());
        }
        List<String> runs = new ArrayList<>();
        for (Backups.Summary s : kept) {
            runs.add(s.id());
            if (s.id().equals(command.runId().get())) return runs;
        }
        throw new TelecException(command.home(), "no backup of run " + command.runId().get()
                + " (the list of kept runs shows their ids)", null);
    }
}
