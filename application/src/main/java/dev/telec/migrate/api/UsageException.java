package dev.telec.migrate.api;

/**
 * Thrown when a request cannot mean anything given the manifest, such as a version above its newest step
 * (exit code 2 on the command line, like a malformed option). Nothing was written.
 */
public class UsageException extends TelecException {

    public UsageException(String message) {
        super(message);
    }
}
