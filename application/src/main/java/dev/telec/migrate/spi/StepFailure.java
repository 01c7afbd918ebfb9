package dev.telec.migrate.spi;

/**
 * A failure a step describes itself, in the words of the person running it: thrown from {@code check()} or
 * {@code migrate()}, it is reported as its message alone, after the step's id
 * ({@code 1.1.0/001_x: rename_key (operation 1): /legacy is a list, not a mapping in config.json}). Any
 * other exception is reported as what failed ({@code migrate() failed: ...}), its type only with
 * {@code --verbose}. A script step's failure also carries what its process printed, which the report keeps
 * on the failed step ({@code --json}: {@code stdout}, {@code stderr}).
 */
public class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stdout;
    private final String stderr;

    public StepFailure(String message) {
        this(message, (Throwable) null);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
        this.stdout = null;
        this.stderr = null;
    }

    /** A failure of a process, with what it printed. */
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
