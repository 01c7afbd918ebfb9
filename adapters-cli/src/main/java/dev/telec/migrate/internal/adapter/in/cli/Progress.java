package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.domain.MigrationId;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The progress line on a terminal's stderr: {@code telec: step 37 of 10000: 1.2.0/037_x}, redrawn in place
 * while a run lasts longer than {@link #DELAY_NANOS}, and cleared when it ends, so that a quick run prints
 * nothing and the report that follows starts on a clean line. A daemon thread redraws it, so that a slow
 * step is seen while it runs; it only reads what the runner's thread last set.
 */
final class Progress implements AutoCloseable {

    static final long DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    private static final long REDRAW_MILLIS = 100;
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final int width;
    private volatile long start; // when the steps began: loading the manifest or waiting for the lock is not the run
    private final Thread painter;
    private volatile int total;
    private volatile int current;
    private volatile MigrationId step;
    private boolean drawn; // only the painter thread and close() (after it stopped) touch it
    private volatile boolean closed;

    /** @param columns the terminal's width ({@code $COLUMNS}), or 0 when unknown */
    Progress(PrintWriter err, int columns) {
        this.err = err;
        this.width = columns > 20 ? columns - 1 : 79;
        this.painter = new Thread(this::paint, "telec-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** The progress line of a run on stderr, as wide as {@code $COLUMNS} says the terminal is. */
    static Progress open(PrintWriter err, Environment environment) {
        int columns = environment.variable("COLUMNS").map(c -> c.matches("\\d{1,4}") ? Integer.parseInt(c) : 0).orElse(0);
        return new Progress(err, columns);
    }

    /** Prints {@code line} on {@code err} whole, never in the middle of a redraw of the progress line. */
    static void println(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    void planned(int steps) {
        total = steps;
        start = System.nanoTime();
    }

    void started(MigrationId id) {
        step = id;
        current++;
    }

    private void paint() {
        try {
            while (!closed) {
                Thread.sleep(REDRAW_MILLIS);
                if (closed) break;
                MigrationId id = step;
                if (id != null && start != 0 && System.nanoTime() - start >= DELAY_NANOS) {
                    String line = "telec: step " + current + (total > 0 ? " of " + total : "") + ": " + id;
                    synchronized (err) {
                        err.print(CLEAR_LINE + (line.length() > width ? line.substring(0, width) : line));
                        err.flush();
                    }
                    drawn = true;
                }
            }
        } catch (InterruptedException e) {
            // closed: stop drawing
        }
    }

    /** Stops drawing and clears the line, if one was drawn. Call before printing anything else on stderr. */
    @Override
    public void close() {
        closed = true;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            synchronized (err) {
                err.print(CLEAR_LINE);
                err.flush();
            }
        }
    }
}
