package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import java.io.PrintWriter;
import java.time.Duration;

/** Script steps on the command line: {@code --step-timeout}, their notices on stderr, their output with {@code --verbose}. */
final class ScriptOutput {

    private ScriptOutput() {
    }

    /** @param stepTimeout {@code --step-timeout}, or null when not given */
    static void configure(ScriptHost host, Duration stepTimeout, PrintWriter err, boolean verbose) {
        if (stepTimeout != null) host.configure(host.settings().flagTimeout(stepTimeout));
        host.notices(line -> Progress.println(err, line));
        if (verbose) host.streamOutput(line -> Progress.println(err, line));
    }
}
