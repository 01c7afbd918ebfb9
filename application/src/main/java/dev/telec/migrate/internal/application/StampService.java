package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.api.UsageException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.StampCommand;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code telec stamp V}: a fresh home recorded at V, every step up to V in effect, none run. */
public final class StampService implements StampUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;
    private final HomeLocks locks;

    public StampService(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Stamped stamp(StampCommand command, Consumer<String> waiting) {
        Manifest manifest = manifests.load(StepSource.directoryOrBundled(command.migrations()), command.allowInsecureMigrations());
        Version version = command.version();
        Optional<Version> newest = manifest.newest();
        if (newest.isEmpty() || version.isAfter(newest.get())) {
            throw new UsageException("cannot stamp " + version + ": "
                    + newest.map(n -> "the newest step version in the manifest is " + n).orElse("the manifest has no steps")
                    + " (a home is never recorded above the steps that exist)");
        }
        refuseRecorded(command, MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home()))); // before the lock file is written
        try (HomeLocks.Held held = locks.acquire(command.home(), command.lockWait(), "stamp", waiting)) {
            MigrationState state = MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home()));
            refuseRecorded(command, state);
            Instant now = Bookkeeping.now(clock);
            MigrationState.Builder next = state.toBuilder();
            List<String> stamped = new ArrayList<>();
            for (Manifest.Entry entry : manifest.entries()) {
                if (!entry.id().version().isAfter(version) && !state.isApplied(entry.id())) {
                    next.add(Bookkeeping.entry(entry, StepOutcome.STAMPED, now));
                    stamped.add(entry.id().toString());
                }
            }
            stateStore.save(command.home(), next.version(version).build());
            return new Stamped(version, stamped);
        }
    }

    private static void refuseRecorded(StampCommand command, MigrationState state) {
        if (!command.force() && !state.applied().isEmpty()) {
            int n = state.applied().size();
            throw new TelecException(command.home(), "not stamped: the state already records " + n + (n == 1 ? " step" : " steps")
                    + "; stamp is for a freshly laid out home (force it to stamp anyway, keeping what is recorded)", null);
        }
    }
}
