package dev.telec.migrate.adapter.in.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "telec",
        description = "Upgrades a deployment home's files across version upgrades.",
        mixinStandardHelpOptions = true,
        versionProvider = TelecCommand.VersionProvider.class,
        subcommands = {MigrateCli.class, RestoreCli.class},
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

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = TelecCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"telec " + p.getProperty("version", "unknown")};
        }
    }
}
