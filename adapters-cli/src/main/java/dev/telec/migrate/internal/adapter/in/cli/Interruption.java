package dev.telec.migrate.internal.adapter.in.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a real run. Before the first step starts nothing of the run has been written, so
 * telec just exits (130 or 143). Once steps run, the signal is a request: the step in flight finishes (or
 * fails) as it would on its own, it is recorded, the runner stops before the next one, and the state keeps
 * what finished; the command line then says {@code interrupted after N of M steps; run again to continue}
 * and exits 130 (143 for TERM). A second signal is not caught: it ends telec at once, which is as safe as a
 * crash (the state is written atomically, and the steps are idempotent).
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK): the only way for Java to
 * handle a signal without starting the JVM's shutdown, which would not wait for the step in flight.
 */
final class Interruption implements AutoCloseable {

    private static final String[] SIGNALS = {"INT", "TERM"};

    private final PrintWriter err;
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile boolean stepsStarted;
    private volatile int signal; // 0 until one arrives once steps run

    private Interruption(PrintWriter err) {
        this.err = err;
    }

    /** Catches SIGINT and SIGTERM until closed; where signals cannot be caught, does nothing. */
    static Interruption install(PrintWriter err) {
        Interruption interruption = new Interruption(err);
        for (String name : SIGNALS) {
            try {
                Signal s = new Signal(name);
                interruption.previous.add(Signal.handle(s, interruption::handle));
                interruption.installed.add(s);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not on this platform, or the JVM was started with -Xrs: the default behaviour stays
            }
        }
        return interruption;
    }

    private void handle(Signal s) {
        if (!stepsStarted) {
            synchronized (err) {
                err.println();
                err.println("telec: interrupted before any step ran; nothing was changed");
                err.flush();
            }
            System.exit(128 + s.getNumber());
        }
        signal = s.getNumber();
        restore(); // a second signal ends telec at once
    }

    /** From now on a signal waits for the step in flight. */
    void stepsStarted() {
        stepsStarted = true;
    }

    /** Whether a signal asked the run to stop. */
    boolean requested() {
        return signal != 0;
    }

    /** 130 for SIGINT, 143 for SIGTERM. */
    int exitCode() {
        return 128 + signal;
    }

    private synchronized void restore() {
        for (int i = 0; i < installed.size(); i++) {
            try {
                Signal.handle(installed.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // cannot happen for a signal we could install
            }
        }
        installed.clear();
        previous.clear();
    }

    @Override
    public void close() {
        restore();
    }
}
