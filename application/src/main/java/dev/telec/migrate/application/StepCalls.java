package dev.telec.migrate.application;

import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport.Failure;
import java.util.Optional;

/** How a step's call that threw, or that broke its contract, becomes a failure value. */
final class StepCalls {

    static final String CONTRACT_BROKEN = "migrate() reported success but check() is still false";

    private StepCalls() {
    }

    /** {@code what} threw {@code t}: {@code "<what> threw <type>: <message>"}. */
    static Failure threw(MigrationId id, Failure.Cause cause, String what, Throwable t) {
        rethrowFatal(t);
        return new Failure(Optional.of(id), cause, Optional.of(t.getClass().getName()), what + " threw " + describe(t));
    }

    /** A failure without an exception. */
    static Failure failed(MigrationId id, Failure.Cause cause, String message) {
        return new Failure(Optional.of(id), cause, Optional.empty(), message);
    }

    /** A step may throw anything, even an Error; only the JVM's own breakdowns are not the step's failure. */
    static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + TelecException.oneLine(message));
    }
}
