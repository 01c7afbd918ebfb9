package dev.telec.migrate.spi;

/**
 * A failure a step reports in its own words: the run halts and the report shows the call and this message
 * as it is ({@code migrate() exited 3: ...}), without an exception type. Any other exception is reported
 * with its type.
 */
public class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, to follow the call's name, e.g. {@code "exited 3: disk full"} */
    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
