package dev.telec.migrate.spi;

/**
 * A failure a step reports in its own words: the run halts and the report shows the call and this message
 * as it is ({@code migrate() exited 3: ...}), without an exception type. Any other exception is reported
 * with its type.
 */
public class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stdout;
    private final String stderr;

    /** @param message what went wrong, to follow the call's name, e.g. {@code "exited 3: disk full"} */
    public StepFailure(String message) {
        this(message, null, null);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
        this.stdout = null;
        this.stderr = null;
    }

    /** A failure of a process, with what it printed (reported on the failed step: {@code --json} shows it). */
    public StepFailure(String message, String stdout, String stderr) {
        super(message);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** What the step's process printed on stdout; null when the step is not a process. */
    public String stdout() {
        return stdout;
    }

    /** What the step's process printed on stderr; null when the step is not a process. */
    public String stderr() {
        return stderr;
    }
}
