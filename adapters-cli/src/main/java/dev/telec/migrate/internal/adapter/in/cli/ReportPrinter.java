package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.Style;

/** Renders a report for people (one line a step, then a summary) or for programs (one JSON document). */
final class ReportPrinter {

    private static final Map<StepOutcome, String> LABELS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            StepOutcome.APPLIED, "applied",
            StepOutcome.SKIPPED_APPLIED, "skipped (recorded)",
            StepOutcome.SKIPPED_CHECK, "skipped (check)",
            StepOutcome.FAILED, "FAILED",
            StepOutcome.NOT_RUN, "not run",
            StepOutcome.WOULD_APPLY, "would apply",
            StepOutcome.WOULD_SKIP_APPLIED, "would skip (recorded)",
            StepOutcome.WOULD_SKIP_CHECK, "would skip (check)",
            StepOutcome.IGNORED, "ignored (out of order)")));
    private static final int LABEL_WIDTH = LABELS.values().stream().mapToInt(String::length).max().orElse(0);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Ansi ansi;

    /** @param ansi whether to colour what goes to {@code out} (outcomes, change and diff lines) */
    ReportPrinter(PrintWriter out, PrintWriter err, Ansi ansi) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
    }

    void human(MigrationReport report, Path home, boolean quiet) {
        if (!quiet) {
            if (report.leftAsItIs()) {
                out.println(home + ": " + report.notice().map(ExitCodes::inCommandLineWords).orElse("left as it is: it is at " + report.from() + ", newer than "
                        + report.to() + " (--allow-downgrade)"));
            } else if (report.steps().stream().allMatch(s -> s.outcome() == StepOutcome.IGNORED)) {
                out.println(home + ": nothing to do (" + report.from() + " -> " + report.to() + ")");
                report.notice().map(ExitCodes::inCommandLineWords).ifPresent(n -> out.println("note: " + TelecException.oneLine(n)));
            } else {
                out.println(home + ": " + report.from() + " -> " + report.to()
                        + (report.onDisk() ? " (dry run, simulated on a copy on disk: nothing is changed)"
                                : report.simulated() ? " (dry run, simulated on an in-memory copy: nothing is changed)"
                                : report.dryRun() ? " (dry run: nothing is changed)" : ""));
                report.notice().map(ExitCodes::inCommandLineWords).ifPresent(n -> out.println("note: " + TelecException.oneLine(n)));
                for (StepResult step : report.steps()) {
                    out.println("  " + label(step.outcome()) + "  " + step.id()
                            + step.error().map(e -> ": " + e).orElse("")
                            + (step.rolledBack() ? "; its changes were rolled back" : ""));
                    for (String note : step.notes()) {
                        out.println("    " + paint("note: " + note, Style.fg_yellow));
                    }
                    for (Change change : step.changes()) {
                        changeLines(change);
                    }
                }
                out.println(summary(report));
            }
        }
        warnIgnored(report);
        report.error().ifPresent(e -> err.println("telec: " + TelecException.oneLine(e)));
    }

    /** Ignored steps are said on every run, even a quiet one: they must never be lost silently. */
    private void warnIgnored(MigrationReport report) {
        List<String> ignored = ignored(report);
        if (ignored.isEmpty()) return;
        err.println("telec: warning: " + String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                + " at or below " + report.from() + " and never applied: ignored (out of order); "
                + "telec migrate --out-of-order runs " + (ignored.size() == 1 ? "it" : "them")
                + ", telec mark ID --applied records " + (ignored.size() == 1 ? "it" : "them") + " as in effect");
    }

    private static List<String> ignored(MigrationReport report) {
        return report.steps().stream().filter(s -> s.outcome() == StepOutcome.IGNORED).map(s -> s.id().toString()).toList();
    }

    /**
     * {@code + created path}, {@code ~ modified path}, {@code - deleted path}, {@code > moved a -> b}, then the diff:
     * a change as every verb that shows one prints it.
     */
    void changeLines(Change change) {
        String indent = " ".repeat(4);
        switch (change.kind()) {
            case CREATED -> out.println(indent + paint("+ created " + change.path(), Style.fg_green));
            case MODIFIED -> out.println(indent + paint("~ modified " + change.path(), Style.fg_yellow));
            case DELETED -> out.println(indent + paint("- deleted " + change.path(), Style.fg_red));
            case MOVED -> out.println(indent + paint("> moved " + change.path() + " -> " + change.to().orElse("?"), Style.fg_blue));
        }
        change.diff().ifPresent(diff -> diff.lines().forEach(line -> out.println(indent + "    " + diffLine(line))));
    }

    private String diffLine(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) return paint(line, Style.bold);
        if (line.startsWith("+")) return paint(line, Style.fg_green);
        if (line.startsWith("-")) return paint(line, Style.fg_red);
        if (line.startsWith("@@")) return paint(line, Style.fg_cyan);
        return line;
    }

    /** The outcome's label, padded to the widest, coloured by what it means. */
    private String label(StepOutcome outcome) {
        String text = LABELS.get(outcome);
        Style style = switch (outcome) {
            case APPLIED, WOULD_APPLY -> Style.fg_green;
            case FAILED -> Style.fg_red;
            case NOT_RUN -> Style.fg_yellow;
            default -> Style.faint;
        };
        return (outcome == StepOutcome.FAILED ? paint(text, Style.bold, style) : paint(text, style))
                + " ".repeat(LABEL_WIDTH - text.length());
    }

    /** {@code text} in {@code styles} when colours are on; the text is never read as picocli markup. */
    private String paint(String text, Style... styles) {
        return ansi.enabled() ? ansi.apply(text, List.of(styles)).toString() : text;
    }

    private static String summary(MigrationReport report) {
        Map<StepOutcome, Integer> counts = new EnumMap<>(StepOutcome.class);
        report.steps().forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
        StringBuilder line = new StringBuilder(report.dryRun() ? "dry run: " : "");
        String separator = "";
        for (Map.Entry<StepOutcome, Integer> c : counts.entrySet()) {
            line.append(separator).append(c.getValue()).append(' ').append(LABELS.get(c.getKey()));
            separator = ", ";
        }
        return line.toString();
    }

    void json(MigrationReport report) {
        write(g -> {
            g.writeStringField("from", report.from().toString());
            g.writeStringField("to", report.to().toString());
            g.writeBooleanField("dryRun", report.dryRun());
            g.writeArrayFieldStart("steps");
            for (StepResult step : report.steps()) {
                g.writeStartObject();
                g.writeStringField("id", step.id().toString());
                g.writeStringField("outcome", step.outcome().wireName());
                g.writeStringField("error", step.error().orElse(null));
                if (step.outcome() == StepOutcome.FAILED) g.writeBooleanField("rolled_back", step.rolledBack());
                g.writeArrayFieldStart("notes");
                for (String note : step.notes()) g.writeString(note);
                g.writeEndArray();
                if (step.output().isPresent()) {
                    g.writeStringField("stdout", step.output().get().stdout());
                    g.writeStringField("stderr", step.output().get().stderr());
                }
                if (report.simulated()) changes(g, step.changes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("applied", report.applied());
            g.writeNumberField("skipped", report.skipped());
            g.writeArrayFieldStart("ignored");
            for (String id : ignored(report)) g.writeString(id);
            g.writeEndArray();
            g.writeStringField("error", report.error().orElse(null));
            g.writeBooleanField("simulated", report.simulated());
            g.writeStringField("notice", report.notice().map(ExitCodes::inCommandLineWords).orElse(null));
        });
        warnIgnored(report);
        report.error().ifPresent(e -> err.println("telec: " + TelecException.oneLine(e)));
    }

    /** {@code "changes": [{"path", "kind", "to" (moves only), "diff"}]}: changes as every verb's JSON gives them. */
    static void changes(JsonGenerator g, List<Change> changes) throws IOException {
        g.writeArrayFieldStart("changes");
        for (Change change : changes) {
            g.writeStartObject();
            g.writeStringField("path", change.path());
            g.writeStringField("kind", change.kind().wireName());
            if (change.to().isPresent()) g.writeStringField("to", change.to().get());
            g.writeStringField("diff", change.diff().orElse(null));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The document of a run that could not start: same shape, no steps. */
    void jsonError(String message) {
        write(g -> {
            g.writeNullField("from");
            g.writeNullField("to");
            g.writeBooleanField("dryRun", false);
            g.writeArrayFieldStart("steps");
            g.writeEndArray();
            g.writeNumberField("applied", 0);
            g.writeNumberField("skipped", 0);
            g.writeArrayFieldStart("ignored");
            g.writeEndArray();
            g.writeStringField("error", TelecException.oneLine(message));
            g.writeBooleanField("simulated", false);
            g.writeNullField("notice");
        });
    }

    private void write(JsonDocument.Body body) {
        JsonDocument.write(out, body);
    }
}
