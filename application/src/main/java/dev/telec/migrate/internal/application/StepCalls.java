package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport.Failure;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.StepFailure;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/** Calling a step by its contract, and how a call that threw, or that broke the contract, becomes a failure value, in a person's words. */
final class StepCalls {

    static final String CONTRACT_BROKEN = "migrate() reported success but check() is still false";

    private StepCalls() {
    }

    /** How one step's calls went: its outcome, or the failure (and what was thrown, if anything). */
    record Attempt(Optional<StepOutcome> outcome, Failure failure, Throwable cause) {
        static Attempt done(StepOutcome outcome) {
            return new Attempt(Optional.of(outcome), null, null);
        }

        static Attempt failed(Failure failure, Throwable cause) {
            return new Attempt(Optional.empty(), failure, cause);
        }
    }

    /**
     * Calls one step by its contract: {@code check()}; when false, {@code migrate()}, then {@code check()} again,
     * which must now be true. Whatever the step throws (but the JVM's own breakdowns) is its failure.
     */
    static Attempt attempt(MigrationId id, Migration migration, StepContext context) {
        boolean done;
        try {
            done = migration.check(context);
        } catch (Throwable t) {
            return Attempt.failed(threw(id, Failure.Cause.CHECK_THREW, "check()", t), t);
        }
        if (done) {
            return Attempt.done(StepOutcome.SKIPPED_CHECK);
        }
        try {
            if (!migration.migrate(context)) {
                return Attempt.failed(failed(id, Failure.Cause.MIGRATE_RETURNED_FALSE, "migrate() returned false"), null);
            }
        } catch (Throwable t) {
            return Attempt.failed(threw(id, Failure.Cause.MIGRATE_THREW, "migrate()", t), t);
        }
        context.confirming = true;
        try {
            if (!migration.check(context)) {
                return Attempt.failed(failed(id, Failure.Cause.CHECK_STILL_FALSE, CONTRACT_BROKEN), null);
            }
        } catch (Throwable t) {
            return Attempt.failed(threw(id, Failure.Cause.CHECK_AFTER_MIGRATE_THREW, "check() after migrate()", t), t);
        }
        return Attempt.done(StepOutcome.APPLIED);
    }

    /** {@code what} ({@code migrate()}) threw {@code t}. */
    static Failure threw(MigrationId id, Failure.Cause cause, String what, Throwable t) {
        rethrowFatal(t);
        return new Failure(Optional.of(id), cause, Optional.of(t.getClass().getName()), describe(what, t));
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

    /**
     * What went wrong in {@code what} ({@code migrate()}), in words a person reads: a {@link StepFailure}'s
     * message as it is, file-system errors naming the file and the cause; the exception's type only where
     * its message says nothing without it. The type and the stack trace are in the result's cause.
     */
    static String describe(String what, Throwable t) {
        if (t instanceof StepFailure) {
            return TelecException.oneLine(t.getMessage());
        }
        return what + " failed: " + explain(t);
    }

    static String explain(Throwable t) {
        String message = t.getMessage() == null ? "" : TelecException.oneLine(t.getMessage());
        if (t instanceof FileSystemException e && e.getFile() != null) {
            String reason = e.getReason() == null ? "" : " (" + TelecException.oneLine(e.getReason()) + ")";
            String file = e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
            if (t instanceof NoSuchFileException) return file + " does not exist" + reason;
            if (t instanceof AccessDeniedException) return "permission denied: " + file + reason;
            if (t instanceof FileAlreadyExistsException) return file + " already exists" + reason;
            if (t instanceof DirectoryNotEmptyException) return file + " is a directory that is not empty" + reason;
            if (t instanceof NotDirectoryException) return file + " is not a directory" + reason;
            return file + ": " + (e.getReason() == null ? "cannot be read or written" : TelecException.oneLine(e.getReason()));
        }
        if (t instanceof NoClassDefFoundError) return "a class it needs is missing: " + message.replace('/', '.');
        if (t instanceof AssertionError) return "assertion failed" + (message.isEmpty() ? "" : ": " + message);
        if (message.isEmpty() || t instanceof Error) {
            // nothing but the type says what happened (a NullPointerException without a message, an Error)
            return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        return message;
    }
}
