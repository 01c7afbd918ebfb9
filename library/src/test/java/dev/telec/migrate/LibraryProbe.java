package dev.telec.migrate;

import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.MigrationReport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An updater in a JVM of its own, as {@link QuietLibraryTest} starts it: a simulated dry-run (the in-memory
 * sandbox, diffs), a real run and a no-op on a fresh home, with the steps of one class-path root. It prints
 * nothing itself; the exit code says whether every report succeeded.
 */
public final class LibraryProbe {

    private LibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(args[0]));
        MigrateUseCase migrator = Telec.migrator();
        MigrateCommand command = MigrateCommand.of(home, StepSource.classPath("probe/migrations/"));
        MigrationReport dryRun = Telec.dryRunner().dryRun(DryRunCommand.of(command));
        MigrationReport real = migrator.migrate(command);
        MigrationReport noOp = migrator.migrate(command);
        boolean ok = dryRun.succeeded() && dryRun.simulated() && dryRun.applied() == 2
                && real.succeeded() && real.applied() == 2 && noOp.succeeded() && noOp.steps().isEmpty();
        System.exit(ok ? 0 : 3);
    }
}
