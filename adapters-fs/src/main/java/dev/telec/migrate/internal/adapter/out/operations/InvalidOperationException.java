package dev.telec.migrate.internal.adapter.out.operations;

/** A malformed operation in an entry document: {@link #getMessage()} names its index and what is wrong. */
public final class InvalidOperationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidOperationException(String message) {
        super(message);
    }
}
