package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.Version;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "migrate",
        description = {
            "Brings a home from the version it is at to the newest one by running the steps in between, "
                    + "in (version, NNN) order; steps already recorded or whose check() holds are skipped.",
            "With --dry-run, reports what would happen and changes nothing."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or nothing to do",
            "1:a step failed, or a state or manifest error",
            "2:usage error (unknown option, bad version)",
            "3:another telec migrate holds the home (see --wait)"})
final class MigrateCli implements Callable<Integer> {

    static final String HOME_VARIABLE = "TELECLAUDE_HOME";

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Report what would happen; call check() but never migrate(); write nothing.")
    boolean dryRun;

    @Option(names = "--from", paramLabel = "V", converter = VersionConverter.class,
            description = "Start after this version (default: the version the state records, else 0.0.0).")
    Version from;

    @Option(names = "--to", paramLabel = "V", converter = VersionConverter.class,
            description = "Stop at this version, inclusive (default: the newest version in the manifest).")
    Version to;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The deployment home (default: $" + HOME_VARIABLE + ", else ~/.teleclaude).")
    Path home;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Take steps from this manifest tree instead of the bundled one; jars in DIR/lib are on the class path.")
    Path migrations;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "When another telec migrate holds the home, wait up to SECONDS for it instead of exiting 3 (default: 0).")
    long waitSeconds;

    @Option(names = "--allow-downgrade",
            description = "When the home records a version newer than any step known here (an older telec on a newer home), "
                    + "leave it as it is and exit 0 instead of refusing.")
    boolean allowDowngrade;

    @Option(names = "--allow-insecure-migrations",
            description = "Load step classes from a --migrations directory or jar even when it is group- or world-writable.")
    boolean allowInsecureMigrations;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    private final Provider<MigrateUseCase> migrator;
    private final Environment environment;

    @Inject
    MigrateCli(Provider<MigrateUseCase> migrator, Environment environment) {
        this.migrator = migrator;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        MigrateCommand command;
        try {
            command = new MigrateCommand(home(), Optional.ofNullable(migrations), Optional.ofNullable(from),
                    Optional.ofNullable(to), dryRun, allowDowngrade, allowInsecureMigrations, Duration.ofSeconds(waitSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        MigrationReport report = migrator.get().migrate(command);
        ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
        if (json) {
            printer.json(report);
        } else {
            printer.human(report, command.home(), quiet);
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    Path home() {
        if (home != null) return home;
        return environment.variable(HOME_VARIABLE).map(Path::of)
                .orElseGet(() -> environment.userHome().resolve(".teleclaude"));
    }

    static final class VersionConverter implements ITypeConverter<Version> {
        @Override
        public Version convert(String value) {
            try {
                return Version.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
