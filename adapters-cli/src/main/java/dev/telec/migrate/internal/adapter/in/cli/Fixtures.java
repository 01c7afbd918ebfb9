package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs {@code telec test}'s checks on one fixture: a folder with {@code before/} (a home), {@code after/}
 * (the home expected after the run) and optionally {@code fixture.yaml} ({@code from:}, {@code to:},
 * {@code expect: success | failure}). On a private copy of {@code before/}: the dry-run's predicted changes
 * equal what the real run then changes; the real run leaves exactly {@code after/} (telec's own files left
 * out); a second run applies nothing and changes no byte; {@code before/} itself is never touched.
 */
final class Fixtures {

    /** A fixture's result: its name and what failed (empty when it passed), each failure with its details. */
    record Outcome(String name, List<Failure> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    /** One check that failed: one line, and the details (a unified diff, a list of paths), possibly empty. */
    record Failure(String message, String details) {
    }

    private final MigrateUseCase migrator;
    private final Path migrations;

    Fixtures(MigrateUseCase migrator, Path migrations) {
        this.migrator = migrator;
        this.migrations = migrations;
    }

    /** The fixture folders under {@code root}, in name order. */
    static List<Path> list(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new TelecException(root, "cannot list the fixtures: " + Causes.reason(e), e);
        }
    }

    Outcome run(Path fixture, Path work) {
        String name = fixture.getFileName().toString();
        List<Failure> failures = new ArrayList<>();
        Path before = fixture.resolve("before");
        Path after = fixture.resolve("after");
        if (!Files.isDirectory(before)) {
            return new Outcome(name, List.of(new Failure("no before/ folder (the home to start from)", "")));
        }
        FixtureSettings settings;
        try {
            settings = FixtureSettings.read(fixture.resolve("fixture.yaml"));
        } catch (IllegalArgumentException e) {
            return new Outcome(name, List.of(new Failure(e.getMessage(), "")));
        }
        if (!Files.isDirectory(after) && settings.expectSuccess()) {
            return new Outcome(name, List.of(new Failure("no after/ folder (the home expected after the run)", "")));
        }
        Map<String, FixtureTree.Content> original = FixtureTree.read(before, false);
        Path home = work.resolve(name).resolve("home");
        FixtureTree.copy(before, home);

        MigrateCommand command = settings.apply(migrations == null ? MigrateCommand.of(home) : MigrateCommand.of(home).migrations(migrations));
        try {
            check(before, original, home, after, command, settings, failures);
        } catch (TelecException e) {
            // this fixture's home cannot be migrated at all (a corrupt state in before/, say): its failure, not the run's
            failures.add(new Failure("the run could not start: " + TelecException.oneLine(e.getMessage()), ""));
        }
        return new Outcome(name, failures);
    }

    private void check(Path before, Map<String, FixtureTree.Content> original, Path home, Path after, MigrateCommand command,
                       FixtureSettings settings, List<Failure> failures) {
        MigrationReport predicted = migrator.migrate(command.dryRun(true).dryRunOptions(DryRunOptions.DEFAULT.diffs(false)));
        MigrationReport real = migrator.migrate(command);

        if (real.succeeded() != settings.expectSuccess()) {
            failures.add(new Failure(settings.expectSuccess() ? "the run failed: " + real.error().orElse("")
                    : "the run succeeded, but fixture.yaml expects it to fail", ""));
        }
        Map<String, FixtureTree.Content> result = FixtureTree.read(home, true);
        if (Files.isDirectory(after)) {
            String diff = FixtureTree.diff(FixtureTree.read(after, true), result);
            if (!diff.isEmpty()) failures.add(new Failure("the home after the run differs from after/", diff));
        }
        if (!predicted.simulated()) {
            failures.add(new Failure("the dry-run was not simulated: " + predicted.notice().orElse(""), ""));
        } else {
            Set<String> foretold = FixtureTree.netChanges(predicted, FixtureTree.read(before, true));
            Set<String> happened = FixtureTree.changed(FixtureTree.read(before, true), result);
            if (!foretold.equals(happened)) {
                failures.add(new Failure("the dry-run's predicted changes differ from the real run's",
                        FixtureTree.setDifference("predicted, did not happen", foretold, happened)
                                + FixtureTree.setDifference("happened, not predicted", happened, foretold)));
            }
            if (predicted.succeeded() != real.succeeded()) {
                failures.add(new Failure("the dry-run " + (predicted.succeeded() ? "succeeded" : "failed") + " but the run "
                        + (real.succeeded() ? "succeeded" : "failed"), ""));
            }
        }
        if (real.succeeded()) {
            Map<String, FixtureTree.Content> once = FixtureTree.read(home, false);
            MigrationReport again = migrator.migrate(command);
            List<String> applied = again.steps().stream().filter(s -> s.outcome().isApply()).map(s -> s.id().toString()).toList();
            if (!again.succeeded()) failures.add(new Failure("a second run failed: " + again.error().orElse(""), ""));
            if (!applied.isEmpty()) failures.add(new Failure("a second run applied " + String.join(", ", applied)
                    + " again: check() does not see what migrate() did", ""));
            String diff = FixtureTree.diff(once, FixtureTree.read(home, false));
            if (!diff.isEmpty()) failures.add(new Failure("a second run changed the home: the steps are not idempotent", diff));
            rerunAsIfTheStateWereLost(before, home, command, failures);
        }
        if (!FixtureTree.read(before, false).equals(original)) {
            failures.add(new Failure("before/ was changed: a step escaped the home it was given", ""));
        }
    }

    /**
     * The second run above skips every step because the state records it; this one asks every step's check()
     * on the result, at another path, with before/'s own state (as if the state had been lost or the home
     * restored from a backup): each must find its change there, and nothing may change.
     */
    private void rerunAsIfTheStateWereLost(Path before, Path home, MigrateCommand command, List<Failure> failures) {
        Path again = home.resolveSibling("again");
        FixtureTree.copy(home, again);
        FixtureTree.removeTelecsOwn(again);
        for (Map.Entry<String, FixtureTree.Content> e : FixtureTree.read(before, false).entrySet()) {
            if (FixtureTree.isTelecsOwn(e.getKey()) && !e.getValue().directory()) FixtureTree.write(again.resolve(e.getKey()), e.getValue().bytes());
        }
        Map<String, FixtureTree.Content> result = FixtureTree.read(again, true);
        MigrationReport report = migrator.migrate(command.home(again));
        List<String> applied = report.steps().stream().filter(s -> s.outcome().isApply() || s.outcome() == StepOutcome.FAILED)
                .map(s -> s.id() + (s.outcome() == StepOutcome.FAILED ? " (failed: " + s.error().orElse("") + ")" : "")).toList();
        if (!applied.isEmpty()) {
            failures.add(new Failure("run again on the result without its state, " + String.join(", ", applied)
                    + " did not find its change there: check() does not look at what migrate() did", ""));
        }
        String diff = FixtureTree.diff(result, FixtureTree.read(again, true));
        if (!diff.isEmpty()) failures.add(new Failure("run again on the result without its state, the steps changed it: they are not idempotent", diff));
    }
}
