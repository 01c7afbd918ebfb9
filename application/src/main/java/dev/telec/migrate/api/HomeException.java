package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when the home to run on is missing and is not to be created (the command line's --create-home creates it).
 */
public class HomeException extends TelecException {

    public HomeException(Path home, String message) {
        super(home, message, null);
    }
}
