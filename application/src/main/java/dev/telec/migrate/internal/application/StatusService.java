package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.StatusCommand;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HomeStatus;
import java.util.Objects;

/** {@code telec status}: the state and the manifest compared, nothing run, nothing locked, nothing written. */
public final class StatusService implements StatusUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;

    public StatusService(Manifests manifests, StateStore stateStore) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
    }

    @Override
    public HomeStatus status(StatusCommand command) {
        Manifest manifest = manifests.load(StepSource.directoryOrBundled(command.migrations()), command.allowInsecureMigrations());
        // a foreign app's home is refused, as migrate refuses it; a state without a name reads as it is
        return Bookkeeping.status(manifest, MigrationRunner.ownState(command.home(), manifest, stateStore.load(command.home())));
    }
}
