package dev.telec.migrate.spi;

/**
 * A failure a step describes itself, in the words of the person running it: thrown from {@code check()} or
 * {@code migrate()}, it is reported as its message alone, after the step's id
 * ({@code 1.1.0/001_x: rename_key (operation 1): /legacy is a list, not a mapping in config.json}). Any
 * other exception is reported as what failed ({@code migrate() failed: ...}), its type only with
 * {@code --verbose}.
 */
public class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
