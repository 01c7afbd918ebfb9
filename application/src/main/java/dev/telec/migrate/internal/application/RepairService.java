package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.RepairCommand;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** {@code telec repair}: the bookkeeping made clean again; no step is run. */
public final class RepairService implements RepairUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;
    private final HomeLocks locks;

    public RepairService(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Repaired repair(RepairCommand command, Consumer<String> waiting) {
        Manifest manifest = manifests.load(StepSource.directoryOrBundled(command.migrations()), command.allowInsecureMigrations());
        if (command.dryRun()) {
            return plan(command, manifest, MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home()))).result;
        }
        MigrationState before = MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home())); // a bad or foreign state fails before the lock file is written
        if (!plan(command, manifest, before).result.changed()) {
            return plan(command, manifest, before).result;
        }
        try (HomeLocks.Held held = locks.acquire(command.home(), command.lockWait(), "repair", waiting)) {
            Plan plan = plan(command, manifest, MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home())));
            if (plan.result.changed()) {
                stateStore.tidy(command.home(), plan.next);
            }
            return plan.result;
        }
    }

    private record Plan(Repaired result, MigrationState next) {
    }

    private Plan plan(RepairCommand command, Manifest manifest, MigrationState state) {
        List<String> leftovers = stateStore.leftovers(command.home());
        HomeStatus status = Bookkeeping.status(manifest, state);
        Map<MigrationId, Manifest.Entry> entries = Bookkeeping.byId(manifest);
        Instant now = Bookkeeping.now(clock);
        MigrationState.Builder builder = state.toBuilder();
        List<String> repaired = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (StepStatus step : status.steps()) {
            if (step.drifted()) {
                builder.add(Bookkeeping.entry(entries.get(MigrationId.parse(step.id())), StepOutcome.REPAIRED, now));
                repaired.add(step.id());
            } else if (step.state() == StepStatus.State.MISSING) {
                missing.add(step.id());
            }
        }
        MigrationState next = builder.build();
        List<String> pruned = List.of();
        List<String> kept = missing;
        if (command.pruneMissing() && !missing.isEmpty()) {
            Set<String> canonical = new LinkedHashSet<>();
            for (String id : missing) canonical.add(MigrationState.canonical(id));
            next = next.without(canonical);
            pruned = missing;
            kept = List.of();
        }
        return new Plan(new Repaired(command.dryRun(), leftovers, repaired, pruned, kept), next);
    }
}
