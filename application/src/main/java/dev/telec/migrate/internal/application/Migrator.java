package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.domain.MigrationReport;
import java.util.Objects;

/**
 * The migrate use case as library callers get it ({@code Telec.migrator()}): real runs go to the
 * {@link MigrationRunner}; a command that still carries the deprecated dry-run flag goes to the
 * {@link DryRunUseCase}, so that it is simulated as before.
 */
public final class Migrator implements MigrateUseCase {

    private final MigrationRunner runner;
    private final DryRunUseCase dryRuns;

    public Migrator(MigrationRunner runner, DryRunUseCase dryRuns) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.dryRuns = Objects.requireNonNull(dryRuns, "dryRuns");
    }

    @Override
    public MigrationReport migrate(MigrateCommand command, StepListener listener) {
        return command.dryRun() ? dryRuns.dryRun(DryRunCommand.of(command), listener) : runner.migrate(command, listener);
    }
}
