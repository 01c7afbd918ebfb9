package dev.telec.migrate.internal.adapter.in.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --wait}, for the verbs that write and so take the home's lock. */
final class LockOptions {

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "When another telec holds the home, wait up to SECONDS for it instead of exiting 3 (default: 0).")
    long waitSeconds;

    Duration lockWait() {
        return Duration.ofSeconds(waitSeconds);
    }

    /**
     * Says once on stderr that this run waits for the one holding the home (also with --json: stdout stays one
     * document): the one printer of that line, for every verb that takes the lock ({@link RunListener} too).
     */
    static Consumer<String> waitingNotice(PrintWriter err) {
        return message -> Progress.println(err, "telec: " + message);
    }
}
