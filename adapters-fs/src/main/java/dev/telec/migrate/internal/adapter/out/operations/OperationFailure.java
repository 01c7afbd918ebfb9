package dev.telec.migrate.internal.adapter.out.operations;

import dev.telec.migrate.spi.StepFailure;

/**
 * An operation that cannot be applied as written: a conflict (both sides of a move exist, a key holds
 * different values under both names, a pointer runs through a non-object) or a path that leaves the home.
 * Nothing of the operation was written when it is thrown. Its message is reported as it is, so it speaks
 * the user's words.
 */
public final class OperationFailure extends StepFailure {
    private static final long serialVersionUID = 1L;

    public OperationFailure(String message) {
        super(message);
    }

    public OperationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
