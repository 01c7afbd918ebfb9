package dev.telec.migrate.internal.adapter.out.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The threads that drain a step process's stdout and stderr while it runs. */
final class OutputPumps {

    private OutputPumps() {
    }

    /** Copies {@code in} into {@code tail} on a daemon thread, and each line to {@code lines} (null: none) prefixed with {@code label}. */
    static Thread pump(InputStream in, Tail tail, String label, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            StringBuilder line = new StringBuilder();
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    tail.write(buffer, 0, n);
                    if (lines != null) {
                        line.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        for (int nl; (nl = line.indexOf("\n")) >= 0; ) {
                            lines.accept(label + ": " + line.substring(0, nl));
                            line.delete(0, nl + 1);
                        }
                    }
                }
                if (lines != null && line.length() > 0) lines.accept(label + ": " + line);
            } catch (IOException e) {
                // the process is gone; what it wrote so far is kept
            }
        }, "telec-step-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Whether both threads ended within {@code millis} in all. */
    static boolean drained(Thread a, Thread b, long millis) {
        try {
            long deadline = System.nanoTime() + millis * 1_000_000;
            a.join(Math.max(1, millis));
            b.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !a.isAlive() && !b.isAlive();
    }
}
