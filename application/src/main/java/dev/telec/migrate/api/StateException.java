package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when the home's state ({@code migration_state.json} or its journal) cannot be read, parsed or
 * written: corrupt or truncated JSON, an unknown shape, a failed durable write (a full disk, a read-only
 * home). The message names the file and the cause; a state that could not be written is left as it was.
 */
public class StateException extends TelecException {

    public StateException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
