package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.domain.Validation.Kind;
import dev.telec.migrate.domain.Validation.Problem;
import dev.telec.migrate.domain.Validation.Warning;
import dev.telec.migrate.domain.Validation.WarningKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code telec validate}: every entry resolved, and a home's drifted, missing and ignored steps; with a home, the
 * warnings of a dry-run of its pending steps.
 */
public final class ValidateService implements ValidateUseCase {

    private final Manifests manifests;
    private final StateStore stateStore;
    private final DryRunUseCase dryRuns;

    public ValidateService(Manifests manifests, StateStore stateStore, DryRunUseCase dryRuns) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.dryRuns = Objects.requireNonNull(dryRuns, "dryRuns");
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
        List<Warning> warnings = command.home().map(h -> warnings(h, command, problems)).orElse(List.of());
        return new Validation(problems, warnings);
    }

    /**
     * What a dry-run of the home's pending steps says that is not a problem of the manifest: each step's notes (a
     * declarative operation whose literal path names no file, which would be recorded as done), and a step that would
     * fail (the dry-run stops there). None when an entry does not resolve: the problems say so already.
     */
    private List<Warning> warnings(Path home, ValidateCommand command, List<Problem> problems) {
        if (problems.stream().anyMatch(p -> p.kind() == Kind.UNRESOLVABLE)) return List.of();
        MigrateCommand run = MigrateCommand.of(home, StepSource.directoryOrBundled(command.migrations()))
                .allowInsecureMigrations(command.allowInsecureMigrations()).allowDowngrade(true);
        MigrationReport report;
        try {
            report = dryRuns.dryRun(new DryRunCommand(run, DryRunOptions.DEFAULT.diffs(false)));
        } catch (TelecException e) {
            return List.of(new Warning(Optional.empty(), WarningKind.NOT_CHECKED, "the pending steps could not be dry-run, "
                    + "so what they would note is not known: " + TelecException.oneLine(e.getMessage())));
        }
        List<Warning> warnings = new ArrayList<>();
        for (StepResult step : report.steps()) {
            Optional<String> id = Optional.of(step.id().toString());
            step.notes().forEach(note -> warnings.add(new Warning(id, WarningKind.NOTE, note)));
            if (step.outcome() == StepOutcome.FAILED) {
                warnings.add(new Warning(id, WarningKind.WOULD_FAIL, "would fail in a run: " + step.error().orElse("(no message)")
                        + "; the steps after it were not dry-run"));
            }
        }
        return warnings;
    }
}
