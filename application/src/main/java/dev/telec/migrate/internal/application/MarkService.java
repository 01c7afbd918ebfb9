package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.MarkCommand;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** {@code telec mark ID... --applied|--pending}: records changed by hand, no step run. */
public final class MarkService implements MarkUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;
    private final HomeLocks locks;

    public MarkService(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Marked mark(MarkCommand command, Consumer<String> waiting) {
        Manifest manifest = manifests.load(StepSource.directoryOrBundled(command.migrations()), command.allowInsecureMigrations());
        Map<MigrationId, Manifest.Entry> entries = Bookkeeping.byId(manifest);
        Set<MigrationId> ids = new LinkedHashSet<>(command.ids());
        refuseUnknown(command, entries, ids, MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home())));
        try (HomeLocks.Held held = locks.acquire(command.home(), command.lockWait(), "mark", waiting)) {
            MigrationState state = MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home()));
            refuseUnknown(command, entries, ids, state);
            List<String> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            MigrationState next;
            if (command.as() == MarkCommand.As.APPLIED) {
                Instant now = Bookkeeping.now(clock);
                MigrationState.Builder builder = state.toBuilder();
                for (MigrationId id : ids) {
                    if (state.isApplied(id)) {
                        unchanged.add(id.toString());
                    } else {
                        builder.add(Bookkeeping.entry(entries.get(id), StepOutcome.MARKED, now));
                        changed.add(id.toString());
                    }
                }
                next = builder.build();
            } else {
                Set<String> remove = new LinkedHashSet<>();
                for (MigrationId id : ids) {
                    if (state.isApplied(id)) {
                        remove.add(id.toString());
                        changed.add(id.toString());
                        if (entries.containsKey(id) && state.version().isPresent() && !id.version().isAfter(state.version().get())) {
                            ignored.add(id.toString());
                        }
                    } else {
                        unchanged.add(id.toString());
                    }
                }
                next = state.without(remove);
            }
            if (!changed.isEmpty()) {
                stateStore.save(command.home(), next);
            }
            return new Marked(changed, unchanged, ignored);
        }
    }

    private static void refuseUnknown(MarkCommand command, Map<MigrationId, Manifest.Entry> entries, Set<MigrationId> ids,
                                      MigrationState state) {
        List<String> unknown = new ArrayList<>();
        for (MigrationId id : ids) {
            boolean recorded = command.as() == MarkCommand.As.PENDING && state.isApplied(id);
            if (!entries.containsKey(id) && !recorded) unknown.add(id.toString());
        }
        if (!unknown.isEmpty()) {
            throw new TelecException("nothing marked: " + (unknown.size() == 1 ? "no step " : "no steps ") + String.join(", ", unknown)
                    + " in the manifest" + (command.as() == MarkCommand.As.PENDING ? " nor recorded in the home's state" : ""));
        }
    }
}
