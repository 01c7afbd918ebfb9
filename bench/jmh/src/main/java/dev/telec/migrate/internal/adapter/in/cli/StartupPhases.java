package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import picocli.CommandLine;

/**
 * {@link Main} cut into its phases, each timed: for bench/breakdown.sh, which starts it exactly as the
 * launcher starts telec (same java, options, class path and start-up cache, this class appended to the
 * class path). Prints one line on stderr: {@code phases main-at-us=<epoch us> guice-us=... picocli-model-us=...
 * parse-us=... execute-us=...}; the script adds the JVM's start (launch to main) and its exit.
 */
public final class StartupPhases {

    private StartupPhases() {
    }

    public static void main(String[] args) {
        Instant atMain = Instant.now();
        long t0 = System.nanoTime();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        Injector injector = Guice.createInjector(new TelecModule());
        long t1 = System.nanoTime();
        CommandLine commandLine = new Cli(injector).commandLine(out, err, args);
        long t2 = System.nanoTime();
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        long t3 = System.nanoTime();
        int code = new CommandLine.RunLast().execute(parsed);
        out.flush();
        long t4 = System.nanoTime();
        err.printf("phases main-at-us=%d guice-us=%d picocli-model-us=%d parse-us=%d execute-us=%d exit=%d%n",
                atMain.getEpochSecond() * 1_000_000L + atMain.getNano() / 1_000, (t1 - t0) / 1_000, (t2 - t1) / 1_000,
                (t3 - t2) / 1_000, (t4 - t3) / 1_000, code);
        err.flush();
        System.exit(code);
    }
}
