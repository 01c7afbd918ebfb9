package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.IVersionProvider;

@Command(name = "telec",
        description = "Upgrades a deployment home's files across version upgrades.",
        mixinStandardHelpOptions = true,
        versionProvider = TelecCommand.VersionProvider.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or nothing to do",
            "1:a step failed, or a state or manifest error",
            "2:usage error (unknown command or option, bad version, an option that means nothing here)",
            "3:another telec holds the home (see --wait)",
            "130:interrupted (SIGINT) after the step in flight",
            "143:terminated (SIGTERM) after the step in flight"})
final class TelecCommand implements Runnable {

    /**
     * The verbs, in the order {@code telec --help} lists them. Added by {@link Cli}, not by the annotation:
     * a run of one verb builds the model of that verb alone (picocli's model costs start-up time per verb).
     */
    static final List<Class<?>> VERBS = List.of(MigrateCli.class, RestoreCli.class, NewCli.class, TestCli.class,
            CompletionCli.class, CommandLine.HelpCommand.class, StatusCli.class, ValidateCli.class, StampCli.class,
            MarkCli.class, RepairCli.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    Colors.When color;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: telec migrate (see telec help)");
    }

    /** {@code telec 0.1.0} and what the bundled steps are: their app (from their telec.yaml) and newest version. */
    static final class VersionProvider implements IVersionProvider {

        private final Manifests manifests;

        @Inject
        VersionProvider(Manifests manifests) {
            this.manifests = manifests;
        }

        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = TelecCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"telec " + p.getProperty("version", "unknown"), bundled()};
        }

        private String bundled() {
            Manifest manifest;
            try {
                manifest = manifests.load(StepSource.bundled());
            } catch (TelecException e) {
                return "bundled steps: none (" + e.getMessage() + ")";
            }
            return "bundled steps: " + manifest.profile().map(p -> "app " + p.app()).orElse("an unnamed app")
                    + ", newest version " + manifest.newest().map(String::valueOf).orElse("none");
        }
    }
}
