package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.domain.BackupSummary;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "restore",
        description = {
            "Puts the home and its state back to before its most recent run, or before RUN-ID (undoing the later runs "
                    + "too, newest first), from the backups runs keep under <home>/.telec/backups/.",
            "A restore that was interrupted is finished by the next telec restore; telec migrate refuses until then."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:restored (or, with --dry-run / --list, shown)",
            "1:no such backup, or the restore failed (run it again to finish it)",
            "2:usage error",
            "3:another telec holds the home (see --wait)"})
final class RestoreCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN-ID", description = "The run to put the home back to before (default: the most recent).")
    String runId;

    @Option(names = "--list", description = "List the runs whose backups are kept: id, start time, versions, steps, size.")
    boolean list;

    @Option(names = "--dry-run", description = "Show what the restore would change, with diffs as telec migrate --dry-run shows "
            + "a step's changes (and mode and owner changes); change nothing, take no lock.")
    boolean dryRun;

    @Mixin
    DiffOptions diffs;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success; errors still go to stderr.")
    boolean quiet;

    @Mixin
    HomeOptions options;

    @Mixin
    LockOptions lock;

    private final Provider<RestoreUseCase> restorer;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    RestoreCli(Provider<RestoreUseCase> restorer, Provider<FindAppProfile> profiles, Environment environment) {
        this.restorer = restorer;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        refuseMeaninglessOptions();
        Path resolved = options.resolve(spec, profiles.get(), environment);
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            List<BackupSummary> runs = restorer.get().list(resolved);
            if (options.json) {
                JsonDocument.write(out, g -> {
                    g.writeArrayFieldStart("runs");
                    for (BackupSummary s : runs) {
                        g.writeStartObject();
                        g.writeStringField("id", s.id());
                        g.writeStringField("started", s.started().toString());
                        g.writeStringField("from", s.from().toString());
                        g.writeStringField("to", s.to().map(Object::toString).orElse(null));
                        g.writeNumberField("steps", s.steps());
                        g.writeNumberField("bytes", s.bytes());
                        g.writeBooleanField("finished", s.finished());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNullField("error");
                });
            } else if (!quiet) {
                if (runs.isEmpty()) out.println(resolved + ": no backups kept");
                for (BackupSummary s : runs) {
                    out.println(s.id() + "  " + s.started() + "  " + s.from() + " -> " + s.to().map(Object::toString).orElse("?")
                            + "  " + s.steps() + (s.steps() == 1 ? " step" : " steps") + "  " + s.bytes() + " bytes"
                            + (s.finished() ? "" : "  (interrupted)"));
                }
            }
            return ExitCodes.OK;
        }
        RestoreCommand command;
        try {
            command = new RestoreCommand(resolved, Optional.ofNullable(runId), dryRun, lock.lockWait(),
                    diffs.applyTo(DryRunOptions.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RestoreUseCase.Report report = restorer.get().restore(command, LockOptions.waitingNotice(spec.commandLine().getErr()));
        if (options.json) {
            JsonDocument.write(out, g -> {
                g.writeArrayFieldStart("runs");
                for (String r : report.runs()) g.writeString(r);
                g.writeEndArray();
                g.writeBooleanField("dryRun", report.dryRun());
                g.writeBooleanField("resumed", report.resumed());
                ReportPrinter.changes(g, report.changes());
                g.writeNullField("error");
            });
        } else if (!quiet) {
            String runs = String.join(", ", report.runs());
            out.println(resolved + ": " + (report.dryRun() ? "a restore would put it back to before " : report.resumed()
                    ? "finished the interrupted restore; back to before " : "put back to before ")
                    + (report.runs().size() == 1 ? "run " : "runs ") + runs + (report.dryRun() ? " (dry run: nothing is changed)" : ""));
            ReportPrinter printer = new ReportPrinter(out, spec.commandLine().getErr(), spec.commandLine().getColorScheme().ansi());
            report.changes().forEach(printer::changeLines);
        }
        return ExitCodes.OK;
    }

    /** The restore's document with nothing restored (and, with --list, no runs listed), and the error. */
    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeArrayFieldStart("runs");
            g.writeEndArray();
            if (!list) {
                g.writeBooleanField("dryRun", dryRun);
                g.writeBooleanField("resumed", false);
                ReportPrinter.changes(g, List.of());
            }
            g.writeStringField("error", message);
        });
    }

    /** As for telec migrate: a flag that cannot mean anything here is a usage error naming it, never ignored. */
    private void refuseMeaninglessOptions() {
        ParseResult given = spec.commandLine().getParseResult();
        if (list && (runId != null || dryRun)) throw usage("--list takes no RUN-ID and no --dry-run");
        if (!dryRun) {
            for (String option : DiffOptions.NAMES) {
                if (given.hasMatchedOption(option)) throw usage(option + " only means something with --dry-run");
            }
        } else if (given.hasMatchedOption("--wait")) {
            throw usage("--wait means nothing with --dry-run (a dry-run takes no lock)");
        }
        if (diffs.noDiff) {
            for (String option : DiffOptions.MASKING) {
                if (given.hasMatchedOption(option)) throw usage(option + " means nothing with --no-diff (there are no diffs to mask)");
            }
        }
        if (options.allowInsecureMigrations) {
            throw usage("--allow-insecure-migrations means nothing for telec restore (it loads no step)");
        }
        if (lock.waitSeconds < 0) throw usage("--wait needs a number of seconds >= 0, got " + lock.waitSeconds);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
