package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when the home's state names another app than the one the manifest's steps are for (say, a myapp
 * home given TeleClaude's steps). Nothing is run or written.
 */
public class ForeignHomeException extends TelecException {

    public ForeignHomeException(Path home, Object homeApp, Object stepsApp) {
        super(null, home + " belongs to app '" + homeApp + "', these steps are for '" + stepsApp + "'", null);
    }
}
