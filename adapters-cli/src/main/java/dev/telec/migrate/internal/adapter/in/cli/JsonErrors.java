package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * With {@code --json}, every outcome is one document on stdout, also a usage error or a run that could not
 * start. A verb whose documents have a shape of their own implements this, so that its error document has
 * that shape with {@code "error"} set; any other command gets {@code {"error": "..."}}.
 */
interface JsonErrors {

    /** Prints the one document saying that the command failed with {@code message} (one line). */
    void jsonError(PrintWriter out, String message);

    /** The document of a command without a shape of its own. */
    static void plain(PrintWriter out, String message) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** Whether {@code --json} is among the options (before any {@code --}): also when parsing them failed. */
    static boolean asked(String[] args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--json")) return true;
        }
        return false;
    }

    /** Whether the arguments ask for a document; for the commands that parsed. */
    static boolean asked(List<String> originalArgs) {
        return asked(originalArgs.toArray(String[]::new));
    }
}
