package dev.telec.migrate.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.application.manifest.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import dev.telec.migrate.application.port.out.StateStore;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.domain.Validation.Kind;
import dev.telec.migrate.domain.Validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code telec validate}: every entry resolved, and a home's drifted, missing and ignored steps. */
public final class ValidateService implements ValidateUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;

    public ValidateService(Manifests manifests, StateStore stateStore) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
    }

    @Override
    public Validation validate(ValidateCommand command) {
        Manifest manifest = manifests.load(StepSource.directoryOrBundled(command.migrations()), command.allowInsecureMigrations());
        // the state is read first: a bad state file is an error of the whole command, before any class loads
        MigrationState state = command.home().map(h -> MigrationRunner.ownState(h, manifest, stateStore.load(h))).orElse(null);
        List<Problem> problems = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            try {
                entry.resolve();
            } catch (TelecException e) {
                problems.add(new Problem(entry.id().toString(), Kind.UNRESOLVABLE, TelecException.oneLine(e.getMessage())));
            }
        }
        if (state != null) {
            HomeStatus status = Bookkeeping.status(manifest, state);
            Map<String, String> recorded = state.recordedChecksums();
            Map<dev.telec.migrate.domain.MigrationId, Manifest.Entry> entries = Bookkeeping.byId(manifest);
            for (StepStatus step : status.steps()) {
                if (step.drifted()) {
                    String now = entries.get(dev.telec.migrate.domain.MigrationId.parse(step.id())).checksum().orElse("?");
                    problems.add(new Problem(step.id(), Kind.DRIFTED, "its definition changed since it was recorded (recorded "
                            + recorded.get(step.id()) + ", now " + now + ")"));
                } else if (step.state() == StepStatus.State.MISSING) {
                    problems.add(new Problem(step.id(), Kind.MISSING, "recorded in the home's state, no longer in the manifest"));
                } else if (step.state() == StepStatus.State.IGNORED) {
                    problems.add(new Problem(step.id(), Kind.IGNORED, "at or below the home's recorded version "
                            + state.version().orElseThrow() + " and not recorded: a run that skips out-of-order steps never reaches it"));
                }
            }
        }
        return new Validation(problems);
    }
}
