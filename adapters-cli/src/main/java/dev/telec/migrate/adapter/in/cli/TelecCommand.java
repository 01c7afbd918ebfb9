package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.application.TelecException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "telec",
        description = "Upgrades a deployment home's files across version upgrades.",
        mixinStandardHelpOptions = true,
        versionProvider = TelecCommand.VersionProvider.class,
        subcommands = {MigrateCli.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or nothing to do",
            "1:a step failed, or a state or manifest error",
            "2:usage error (unknown option, bad version)",
            "3:another telec migrate holds the home (see --wait)"})
final class TelecCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required: telec migrate");
    }

    /** {@code telec 0.1.0} and what the bundled steps are: their app (from their telec.yaml) and newest version. */
    static final class VersionProvider implements IVersionProvider {

        private static final Pattern APP = Pattern.compile("(?m)^app:\\s*([a-z0-9][a-z0-9._-]*)\\s*(#.*)?$");

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

        private String bundled() throws IOException {
            Manifest manifest;
            try {
                manifest = manifests.load(StepSource.bundled());
            } catch (TelecException e) {
                return "bundled steps: none (" + e.getMessage() + ")";
            }
            String app = null;
            try (InputStream in = TelecCommand.class.getClassLoader().getResourceAsStream(StepSource.BUNDLED_ROOT + "telec.yaml")) {
                if (in != null) {
                    Matcher m = APP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    if (m.find()) app = m.group(1);
                }
            }
            return "bundled steps: " + (app == null ? "an unnamed app" : "app " + app) + ", newest version "
                    + manifest.newest().map(String::valueOf).orElse("none");
        }
    }
}
