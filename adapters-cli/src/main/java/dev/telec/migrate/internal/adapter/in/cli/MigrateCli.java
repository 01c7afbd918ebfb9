package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.BackupOptions;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "migrate",
        description = {
            "Brings a home from the version it is at to the newest one by running the steps in between, "
                    + "in (version, NNN) order; steps already recorded or whose check() holds are skipped.",
            "With --dry-run, runs the steps on an in-memory copy of the home and reports what would happen, "
                    + "with each step's changes; the home is not touched."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or nothing to do",
            "1:a step failed (or would fail, in a dry-run), or a state or manifest error",
            "2:usage error (unknown option, bad version, an option that means nothing here)",
            "3:another telec holds the home (see --wait)",
            "130:interrupted (SIGINT) after the step in flight; run again to continue",
            "143:terminated (SIGTERM) after the step in flight; run again to continue"})
final class MigrateCli implements Callable<Integer>, JsonErrors {

    /** Options that only mean something with --dry-run. */
    static final List<String> DRY_RUN_ONLY = List.of("--no-diff", "--show-secrets", "--secret-words", "--simulation-limit");

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Simulate on an in-memory copy of the home: run the pending steps there, "
            + "report each step's outcome and changes with diffs; write nothing. Exit 1 when a step would fail.")
    boolean dryRun;

    @Mixin
    DiffOptions diffs;

    @Option(names = "--simulation-limit", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "With --dry-run: copy homes up to this size (bytes, or with K/M/G; default 256M); "
                    + "a larger home gets the check-only plan.")
    Long simulationLimit;

    @Option(names = "--from", paramLabel = "V", converter = Converters.VersionConverter.class,
            description = "Start after this version (default: the version the state records, else 0.0.0).")
    Version from;

    @Option(names = "--to", paramLabel = "V", converter = Converters.VersionConverter.class,
            description = "Stop at this version, inclusive (default: the newest version in the manifest).")
    Version to;

    @Option(names = "--create-home",
            description = "Create the home when it does not exist (a real run only; without it a missing home is an error).")
    boolean createHome;

    @Option(names = "--out-of-order",
            description = "Also run the ignored steps (at or below the home's version, never applied: a hotfix added later, "
                    + "a step --from skipped), in (version, NNN) order before the others. Without it they are reported and left alone.")
    boolean outOfOrder;

    @Option(names = "--allow-downgrade",
            description = "When the home records a version newer than any step known here (an older telec on a newer home), "
                    + "leave it as it is and exit 0 instead of refusing.")
    boolean allowDowngrade;

    @Option(names = "--no-backup", description = "Save no pre-images in this run: a failed step is not rolled back and "
            + "the run cannot be restored (see docs/backups.md).")
    boolean noBackup;

    @Option(names = "--no-rollback", description = "Keep a failed step's partial changes (for debugging) instead of rolling them back; "
            + "the run can still be restored.")
    boolean noRollback;

    @Option(names = "--keep-backups", paramLabel = "N",
            description = "Keep the backups of the last N runs (default: keep_backups: in telec.yaml, else 5); older ones are deleted after a successful run.")
    Integer keepBackups;

    @Option(names = "--step-timeout", paramLabel = "TIME", converter = Converters.DurationConverter.class,
            description = "Time limit of each call of a script step (like 90s, 2m, 1h) when neither its exec: entry "
                    + "nor telec.yaml's step_timeout sets one (default: 10m).")
    Duration stepTimeout;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success; errors still go to stderr.")
    boolean quiet;

    @Mixin
    HomeOptions options;

    @Mixin
    LockOptions lock;

    private final Provider<MigrateUseCase> migrator;
    private final Provider<DryRunUseCase> dryRuns;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;
    private final Provider<ScriptHost> scripts;

    @Inject
    MigrateCli(Provider<MigrateUseCase> migrator, Provider<DryRunUseCase> dryRuns, Provider<FindAppProfile> profiles,
               Environment environment, Provider<ScriptHost> scripts) {
        this.migrator = migrator;
        this.dryRuns = dryRuns;
        this.profiles = profiles;
        this.environment = environment;
        this.scripts = scripts;
    }

    @Override
    public Integer call() {
        refuseMeaninglessOptions();
        Path home = options.resolve(spec, profiles.get(), environment);
        if (from != null && to != null && from.isAfter(to)) throw usage("--from " + from + " is after --to " + to);
        MigrateCommand command;
        DryRunOptions dryRunOptions;
        try {
            dryRunOptions = dryRunOptions();
            command = new MigrateCommand(home, options.steps(), Optional.ofNullable(from), Optional.ofNullable(to), false,
                    allowDowngrade, options.allowInsecureMigrations, lock.lockWait(), dryRunOptions, outOfOrder)
                    .backupOptions(backupOptions());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // after the usage checks, so that a usage error is exit 2 whether or not the home exists
        Homes.requireExisting(home, createHome); // a dry-run never creates it: it simulates from nothing
        PrintWriter err = spec.commandLine().getErr();
        ScriptOutput.configure(scripts.get(), stepTimeout, err, options.verbose);
        Interruption interruption = null;
        MigrationReport report;
        // progress on a terminal, cleared before the report is printed
        try (Progress progress = !quiet && !options.json && environment.stderrIsTerminal() ? Progress.open(err, environment) : null) {
            if (dryRun) {
                // writes nothing: a signal just ends it
                report = dryRuns.get().dryRun(new DryRunCommand(command, dryRunOptions), new RunListener(err, progress, quiet, null));
            } else {
                try (Interruption signals = Interruption.install(err)) {
                    interruption = signals;
                    report = migrator.get().migrate(command, new RunListener(err, progress, quiet, signals));
                }
            }
        }
        ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), err, spec.commandLine().getColorScheme().ansi());
        if (options.json) {
            printer.json(report);
        } else {
            printer.human(report, command.home(), quiet);
            // the report's error is the step that would fail; exit 1 below lets CI gate on a dry-run
        }
        if (options.verbose) {
            report.failedStep().flatMap(StepResult::cause).ifPresent(t -> t.printStackTrace(err));
        }
        if (interruption != null && interruption.requested() && report.failure().filter(f -> f.cause() == MigrationReport.Failure.Cause.INTERRUPTED).isPresent()) {
            return interruption.exitCode();
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        new ReportPrinter(out, null, Ansi.OFF).jsonError(message);
    }

    /**
     * Combinations that cannot mean anything are usage errors naming the option, never silently ignored: a
     * user who typed {@code --no-diff} meant a dry-run, and must not get a real run instead.
     */
    private void refuseMeaninglessOptions() {
        ParseResult given = spec.commandLine().getParseResult();
        if (!dryRun) {
            for (String option : DRY_RUN_ONLY) {
                if (given.hasMatchedOption(option)) throw usage(option + " only means something with --dry-run");
            }
        } else if (given.hasMatchedOption("--wait")) {
            throw usage("--wait means nothing with --dry-run (a dry-run takes no lock)");
        }
        if (dryRun) {
            for (String option : List.of("--no-backup", "--no-rollback", "--keep-backups")) {
                if (given.hasMatchedOption(option)) throw usage(option + " means nothing with --dry-run (a dry-run writes nothing)");
            }
        }
        if (diffs.noDiff) {
            for (String option : DiffOptions.MASKING) {
                if (given.hasMatchedOption(option)) throw usage(option + " means nothing with --no-diff (there are no diffs to mask)");
            }
        }
        if (options.json && quiet) throw usage("--quiet means nothing with --json (which prints one document and nothing else)");
        if (allowDowngrade && from != null) {
            throw usage("--allow-downgrade means nothing with --from (the home's version is not consulted)");
        }
        if (lock.waitSeconds < 0) throw usage("--wait needs a number of seconds >= 0, got " + lock.waitSeconds);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    BackupOptions backupOptions() {
        BackupOptions options = BackupOptions.DEFAULT.backup(!noBackup).rollback(!noRollback);
        return keepBackups == null ? options : options.keep(keepBackups);
    }

    DryRunOptions dryRunOptions() {
        DryRunOptions options = diffs.applyTo(DryRunOptions.DEFAULT);
        if (simulationLimit != null) options = options.limitBytes(simulationLimit);
        return options;
    }
}
