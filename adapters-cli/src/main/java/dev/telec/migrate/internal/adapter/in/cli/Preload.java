package dev.telec.migrate.internal.adapter.in.cli;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Slow first uses of the JDK that every state-reading verb meets later in the run, started on a thread of their
 * own at the top of {@code main} so that they run beside the injector and the command model instead of after
 * them. Only JDK classes, whose initialisers do not wait on ours, so the two threads cannot deadlock.
 *
 * <ul>
 *   <li>the first annotation read at run time: the JDK makes a proxy class for it, and the first proxy class
 *       starts the JDK's class-file writer (about 90 classes, 20 ms in the interpreter); picocli's model is built
 *       from annotations, so the command line would wait for it.
 *   <li>{@link BigDecimal}: since JDK 24 its class initialiser computes 5^(2^16) (JDK-8341470), 20 to 30 ms in
 *       the interpreter; Jackson's parsers reach it through the constants of their base class, so reading the
 *       state pays it.
 *   <li>the SHA-256 digest: the first {@link MessageDigest#getInstance} loads the security providers; checksums
 *       of applied steps need it.
 * </ul>
 *
 * <p>It saves wall time where a second core is free, not CPU time (docs/performance.md). Nothing here is required: a failure leaves the work to its first real use, where it is reported.
 */
final class Preload {

    private Preload() {
    }

    /**
     * Starts it when {@code args} name a verb that runs: not for {@code --version}, nor for the verbs that only print
     * the model ({@link Cli#WHOLE_MODEL_VERBS}).
     */
    static void startFor(String... args) {
        if (args.length > 0 && !args[0].startsWith("-") && !Cli.WHOLE_MODEL_VERBS.contains(args[0])) {
            start();
        }
    }

    private static void start() {
        Thread thread = new Thread(Preload::run, "telec-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        if (Runnable.class.getAnnotation(FunctionalInterface.class) == null) throw new AssertionError();
        if (BigDecimal.ONE.signum() != 1) throw new AssertionError();
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // reported by the checksum that needs it
        }
    }
}
