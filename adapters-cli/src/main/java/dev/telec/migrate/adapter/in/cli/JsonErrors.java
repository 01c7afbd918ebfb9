package dev.telec.migrate.adapter.in.cli;

import java.io.PrintWriter;

/**
 * A verb whose {@code --json} document has a shape of its own: {@link ExitCodes} asks it for the document of
 * a run that could not start, so that even then stdout holds exactly one document of that shape.
 */
interface JsonErrors {
    void jsonError(PrintWriter out, String message);
}
