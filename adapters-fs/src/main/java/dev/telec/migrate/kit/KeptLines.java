package dev.telec.migrate.kit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Writes an edited document so that its unedited lines stay as the author wrote them: a serializer
 * normalizes layout it does not model, so each emitted line that matches an original line up to that
 * layout is replaced by the original line.
 */
final class KeptLines {

    private KeptLines() {
    }

    /**
     * {@code emitted} with every line that equals an original line after {@code normalize} replaced by that
     * original line (lines are matched in order, by a line diff), provided the result still holds the
     * emitted data ({@code holdsEmittedData}); otherwise {@code emitted} itself.
     */
    static String keep(String original, String emitted, UnaryOperator<String> normalize, Predicate<String> holdsEmittedData) {
        List<String> before = original.lines().toList();
        List<String> after = emitted.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after, (a, b) -> normalize.apply(a).equals(normalize.apply(b)));
        StringBuilder text = new StringBuilder(emitted.length() + 64);
        int at = 0; // position in before
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; at < delta.getSource().getPosition(); at++) text.append(before.get(at)).append('\n');
            for (String line : delta.getTarget().getLines()) text.append(line).append('\n');
            at += delta.getSource().size();
        }
        for (; at < before.size(); at++) text.append(before.get(at)).append('\n');
        if (!emitted.endsWith("\n") && text.length() > 0) text.setLength(text.length() - 1);
        String kept = text.toString();
        return kept.equals(emitted) || holdsEmittedData.test(kept) ? kept : emitted;
    }
}
