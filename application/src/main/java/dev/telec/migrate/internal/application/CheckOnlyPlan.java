package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationReport.Failure;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.Migration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The check-only dry-run: each pending step's check() on the real home, migrate() never; nothing is written
 * and no lock is taken. What a dry-run falls back to when the home cannot be copied.
 */
final class CheckOnlyPlan {

    private final Manifests manifests;
    private final StateStore stateStore;

    CheckOnlyPlan(Manifests manifests, StateStore stateStore) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
    }

    MigrationReport plan(MigrateCommand command, StepListener listener, Optional<String> notice) {
        Manifest manifest = manifests.load(command.steps(), command.allowInsecureMigrations());
        MigrationState state = MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home()));
        Plan plan = Plan.of(command, manifest, state);
        if (plan.leftAsItIs()) {
            return plan.leftAsItIsReport(MigrationReport.Mode.CHECK_ONLY_DRY_RUN, notice);
        }
        Map<MigrationId, Migration> pending = plan.pending(state, new LinkedHashMap<>());
        List<StepResult> results = new ArrayList<>();
        Failure failure = null;
        results.addAll(plan.ignoredResults());
        listener.planned(pending.size());
        for (Manifest.Entry entry : plan.steps()) {
            MigrationId id = entry.id();
            if (failure != null) {
                results.add(StepResult.of(id, StepOutcome.NOT_RUN));
            } else if (!pending.containsKey(id)) {
                results.add(StepResult.of(id, StepOutcome.WOULD_SKIP_APPLIED));
            } else {
                // check() must not change anything, so nothing is ever deferred to a record that never comes
                StepContext context = new StepContext(command.home(), id.toString(), DurabilityBarrier.NONE);
                listener.started(id);
                try {
                    boolean done = pending.get(id).check(context);
                    results.add(StepResult.of(id, done ? StepOutcome.WOULD_SKIP_CHECK : StepOutcome.WOULD_APPLY)
                            .withNotes(context.notes()));
                } catch (Throwable t) {
                    failure = StepCalls.threw(id, Failure.Cause.CHECK_THREW, "check()", t);
                    results.add(StepResult.failed(id, failure.message(), t).withNotes(context.notes()));
                } finally {
                    listener.finished(id);
                }
            }
        }
        return new MigrationReport(MigrationReport.Mode.CHECK_ONLY_DRY_RUN, plan.from(), plan.to(), results,
                Optional.ofNullable(failure), false, notice.or(() -> plan.drifted(state)));
    }
}
