package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dry-run use case. A dry-run copies the home into a {@link Sandbox} and runs the very same runner there
 * for real (check(), migrate(), the check() after it, and the state file of the copy), noting what each step
 * changed; the report then says what a real run would do: {@code would_apply} / {@code would_skip_*}, the
 * step that would fail with its error, and {@code not_run} after it. telec's own writes (the state file, its
 * temporary files, locks) happen between steps and so are never part of a step's changes. When the home
 * cannot be copied (larger than the limit, unreadable), or the options ask for it, the report is the
 * check-only plan, with a notice saying why.
 */
public final class SimulatingMigrator implements DryRunUseCase {

    private final MigrationRunner runner;
    private final Sandbox sandbox;
    private final Sandbox onDisk;

    public SimulatingMigrator(MigrationRunner runner, Sandbox sandbox) {
        this(runner, sandbox, sandbox);
    }

    /**
     * @param onDisk the sandbox for a dry-run that has a pending script step (a process cannot run on an
     *     in-memory copy): every pending step then runs on a copy of the home on disk
     */
    public SimulatingMigrator(MigrationRunner runner, Sandbox sandbox, Sandbox onDisk) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.onDisk = Objects.requireNonNull(onDisk, "onDisk");
    }

    @Override
    public MigrationReport dryRun(DryRunCommand command, StepListener listener) {
        DryRunOptions options = command.options();
        if (!options.simulate()) {
            return runner.checkOnly().plan(command.run(), listener, Optional.empty());
        }
        // the entries are read and resolved once, for the choice of sandbox and for the simulation
        MigrationRunner.Steps entries = runner.steps(command.run());
        Sandbox chosen = onDisk != sandbox && runner.pendingStepsNeedADisk(command.run(), entries) ? onDisk : sandbox;
        Sandbox.Copy copy;
        try {
            copy = chosen.copy(command.home(), options.limitBytes(),
                    new Sandbox.Diffs(options.diffs(), options.showSecrets(), options.secretWords()));
        } catch (Sandbox.Unavailable e) {
            return runner.checkOnly().plan(command.run(), listener, Optional.of("not simulated: " + e.getMessage()
                    + "; showing the check-only plan (check() on the real home, migrate() never called)"));
        }
        try (copy) {
            Map<MigrationId, List<Change>> changes = new HashMap<>();
            MigrationReport run = runner.simulate(command.run().home(copy.home()), new StepListener() {
                @Override
                public void started(MigrationId id) {
                    copy.begin();
                }

                @Override
                public void finished(MigrationId id) {
                    changes.put(id, copy.changes());
                }
            }.andThen(listener), entries);
            List<StepResult> steps = new ArrayList<>(run.steps().size());
            for (StepResult step : run.steps()) {
                steps.add(step.withChanges(changes.getOrDefault(step.id(), List.of())));
            }
            return new MigrationReport(run.mode(), run.from(), run.to(), steps, run.failure(), run.leftAsItIs(), run.notice(),
                    copy.onDisk());
        }
    }
}
