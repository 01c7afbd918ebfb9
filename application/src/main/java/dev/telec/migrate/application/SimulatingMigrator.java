package dev.telec.migrate.application;

import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrate use case with simulated dry-runs. A real run, and a dry-run whose options ask for the
 * check-only plan, go to the {@link MigrationRunner} unchanged. Any other dry-run copies the home into a
 * {@link Sandbox} and runs the very same runner there for real (check(), migrate(), the check() after it,
 * and the state file of the copy), noting what each step changed; the report then says what a real run
 * would do: {@code would_apply} / {@code would_skip_*}, the step that would fail with its error, and
 * {@code not_run} after it. telec's own writes (the state file, its temporary files, locks) happen between
 * steps and so are never part of a step's changes. When the home cannot be copied (larger than the limit,
 * unreadable) the report is the check-only plan with a notice saying why.
 */
public final class SimulatingMigrator implements MigrateUseCase {

    private final MigrationRunner runner;
    private final Sandbox sandbox;

    public SimulatingMigrator(MigrationRunner runner, Sandbox sandbox) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public MigrationReport migrate(MigrateCommand command) {
        DryRunOptions options = command.dryRunOptions();
        if (!command.dryRun() || !options.simulate()) {
            return runner.migrate(command);
        }
        Sandbox.Copy copy;
        try {
            copy = sandbox.copy(command.home(), options.limitBytes(),
                    new Sandbox.Diffs(options.diffs(), options.showSecrets(), options.secretWords()));
        } catch (Sandbox.Unavailable e) {
            MigrationReport plan = runner.migrate(command.dryRunOptions(options.simulate(false)));
            return new MigrationReport(plan.from(), plan.to(), true, plan.steps(), plan.error(), false,
                    Optional.of("not simulated: " + e.getMessage()
                            + "; showing the check-only plan (check() on the real home, migrate() never called)"));
        }
        try (copy) {
            Map<MigrationId, List<Change>> changes = new HashMap<>();
            MigrationRunner inCopy = runner.withListener(new MigrationRunner.StepListener() {
                @Override
                public void started(MigrationId id) {
                    copy.begin();
                }

                @Override
                public void finished(MigrationId id) {
                    changes.put(id, copy.changes());
                }
            });
            // no backup in the copy: it is thrown away, and telec's own directory is not copied into it
            MigrationReport run = inCopy.migrate(command.home(copy.home()).dryRun(false)
                    .backupOptions(command.backupOptions().backup(false)));
            List<StepResult> steps = new ArrayList<>(run.steps().size());
            for (StepResult step : run.steps()) {
                steps.add(step.withOutcome(predicted(step.outcome())).withChanges(changes.getOrDefault(step.id(), List.of())));
            }
            return new MigrationReport(run.from(), run.to(), true, steps, run.error(), true, Optional.empty());
        }
    }

    /** What a real run's outcome is called in a dry-run. */
    static StepOutcome predicted(StepOutcome outcome) {
        switch (outcome) {
            case APPLIED: return StepOutcome.WOULD_APPLY;
            case SKIPPED_APPLIED: return StepOutcome.WOULD_SKIP_APPLIED;
            case SKIPPED_CHECK: return StepOutcome.WOULD_SKIP_CHECK;
            default: return outcome;
        }
    }
}
