package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.application.port.out.Backups;
import dev.telec.migrate.domain.Change;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
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
final class RestoreCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RUN-ID", description = "The run to put the home back to before (default: the most recent).")
    String runId;

    @Option(names = "--list", description = "List the runs whose backups are kept: id, start time, versions, steps, size.")
    boolean list;

    @Option(names = "--dry-run", description = "Show what the restore would change; change nothing.")
    boolean dryRun;

    @Option(names = "--home", paramLabel = "DIR", description = "The deployment home (default: as for telec migrate).")
    Path home;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "When another telec holds the home, wait up to SECONDS for it (default: 0).")
    long waitSeconds;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

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
        Path resolved = home();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (runId != null || dryRun) throw new ParameterException(spec.commandLine(), "--list takes no RUN-ID and no --dry-run");
            List<Backups.Summary> runs = restorer.get().list(resolved);
            if (json) {
                JsonDocument.write(out, g -> {
                    g.writeArrayFieldStart("runs");
                    for (Backups.Summary s : runs) {
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
                for (Backups.Summary s : runs) {
                    out.println(s.id() + "  " + s.started() + "  " + s.from() + " -> " + s.to().map(Object::toString).orElse("?")
                            + "  " + s.steps() + (s.steps() == 1 ? " step" : " steps") + "  " + s.bytes() + " bytes"
                            + (s.finished() ? "" : "  (interrupted)"));
                }
            }
            return ExitCodes.OK;
        }
        RestoreCommand command;
        try {
            command = new RestoreCommand(resolved, Optional.ofNullable(runId), dryRun, Duration.ofSeconds(waitSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RestoreUseCase.Report report = restorer.get().restore(command, LockOptions.waitingNotice(spec.commandLine().getErr()));
        if (json) {
            JsonDocument.write(out, g -> {
                g.writeArrayFieldStart("runs");
                for (String r : report.runs()) g.writeString(r);
                g.writeEndArray();
                g.writeBooleanField("dryRun", report.dryRun());
                g.writeBooleanField("resumed", report.resumed());
                g.writeArrayFieldStart("changes");
                for (Change c : report.changes()) {
                    g.writeStartObject();
                    g.writeStringField("path", c.path());
                    g.writeStringField("kind", c.kind().wireName());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNullField("error");
            });
        } else if (!quiet) {
            String runs = String.join(", ", report.runs());
            out.println(resolved + ": " + (report.dryRun() ? "a restore would put it back to before " : report.resumed()
                    ? "finished the interrupted restore; back to before " : "put back to before ")
                    + (report.runs().size() == 1 ? "run " : "runs ") + runs + (report.dryRun() ? " (dry run: nothing is changed)" : ""));
            for (Change c : report.changes()) {
                String verb = switch (c.kind()) {
                    case CREATED -> "+ created ";
                    case DELETED -> "- deleted ";
                    case MODIFIED -> "~ modified ";
                    case MOVED -> "> moved ";
                };
                out.println("    " + verb + c.path());
            }
        }
        return ExitCodes.OK;
    }

    private Path home() {
        Optional<AppProfile> profile = home == null ? profiles.get().profile(StepSource.bundled()) : Optional.empty();
        return Homes.resolve(home, profile, environment).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--home is required: " + Homes.noDefault(profile, null)));
    }

}
