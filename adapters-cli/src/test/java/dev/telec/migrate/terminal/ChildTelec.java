package dev.telec.migrate.terminal;

import dev.telec.migrate.steps.AppendStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A real telec in a child JVM (the test class path), on a manifest of {@link AppendStep}s that each pause. */
final class ChildTelec {

    private static final Path PERL = Path.of("/usr/bin/perl");

    private ChildTelec() {
    }

    /** A manifest of {@code steps} AppendSteps in v1.0.0, ids {@code 1.0.0/001_step} ... */
    static Path manifest(Path dir, int steps) throws IOException {
        Path version = Files.createDirectories(dir.resolve("v1.0.0"));
        for (int n = 1; n <= steps; n++) {
            Files.writeString(version.resolve(String.format("%03d_step.yaml", n)), "class: " + AppendStep.class.getName() + "\n");
        }
        return dir;
    }

    /** The java command line that runs telec with {@code args}, each step pausing {@code stepMillis}. */
    static List<String> command(long stepMillis, String... args) {
        List<String> command = new ArrayList<>();
        // A job started in the background by a non-interactive shell (as CI may start the build) inherits SIGINT
        // ignored, and the JVM then leaves it ignored: restore the default a user's terminal gives, then exec.
        if (Files.isExecutable(PERL)) {
            command.addAll(List.of(PERL.toString(), "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"exec: $!\";"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtelec.test.stepMillis=" + stepMillis,
                "-cp", System.getProperty("java.class.path"), "dev.telec.migrate.internal.adapter.in.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code command} as one shell word list, for {@code script -c}. */
    static String shell(List<String> command) {
        return command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
