package dev.telec.migrate.internal.adapter.out.fs.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text that shows how one path's content changed, the same wherever telec shows a change (a dry-run's
 * steps, a restore): a unified diff of text files, with the values of secret keys masked unless asked
 * otherwise; {@value #BINARY} for other files; the sizes for files too large to diff; the targets of links;
 * and, where a change shows them, {@code mode} and {@code owner} lines.
 */
public final class DiffRenderer {

    public static final String BINARY = "binary differs";
    private static final int CONTEXT = 3;

    private final Sandbox.Diffs diffs;
    private final SecretMasker masker;

    public DiffRenderer(Sandbox.Diffs diffs) {
        this.diffs = Objects.requireNonNull(diffs, "diffs");
        this.masker = new SecretMasker(diffs.secretWords());
    }

    /** Whether changes carry diffs at all, or only their paths. */
    public boolean enabled() {
        return diffs.enabled();
    }

    /**
     * How {@code path} (relative to the home, {@code /}-separated) changed from {@code before} to {@code after};
     * either may be {@link Entry#ABSENT}.
     */
    public String diff(String path, Entry before, Entry after) {
        if (before.type() == Entry.Type.LINK || after.type() == Entry.Type.LINK) {
            return "link " + (before.type() == Entry.Type.LINK ? before.digest() : "(none)")
                    + " -> " + (after.type() == Entry.Type.LINK ? after.digest() : "(none)");
        }
        boolean hasBefore = before.type() == Entry.Type.FILE;
        boolean hasAfter = after.type() == Entry.Type.FILE;
        if ((hasBefore && before.content() == null) || (hasAfter && after.content() == null)) {
            return "differs (too large to diff: " + (hasBefore ? before.size() : 0) + " -> " + (hasAfter ? after.size() : 0) + " bytes)";
        }
        Optional<String> was = hasBefore ? text(before.content()) : Optional.of("");
        Optional<String> now = hasAfter ? text(after.content()) : Optional.of("");
        if (was.isEmpty() || now.isEmpty()) return BINARY;
        return unified(hasBefore ? "a/" + path : "/dev/null", hasAfter ? "b/" + path : "/dev/null", lines(was.get()), lines(now.get()));
    }

    /** {@code mode 0640 -> 0600}: how a path's permission bits change (set-id and sticky bits included). */
    public static String mode(int from, int to) {
        return "mode " + String.format("%04o", from) + " -> " + String.format("%04o", to);
    }

    /** {@code owner root:root -> alice:staff}: how a path's owner and group change. */
    public static String owner(String from, String to) {
        return "owner " + from + " -> " + to;
    }

    /** The unified diff, found on the real lines and shown with secrets masked. */
    public String unified(String fromName, String toName, List<String> original, List<String> revised) {
        Patch<String> patch = DiffUtils.diff(original, revised);
        List<String> shownOriginal = diffs.showSecrets() ? original : masker.mask(original);
        List<String> shownRevised = diffs.showSecrets() ? revised : masker.mask(revised);
        Patch<String> shown = new Patch<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            Chunk<String> s = d.getSource();
            Chunk<String> t = d.getTarget();
            Chunk<String> ms = new Chunk<>(s.getPosition(), shownOriginal.subList(s.getPosition(), s.getPosition() + s.size()));
            Chunk<String> mt = new Chunk<>(t.getPosition(), shownRevised.subList(t.getPosition(), t.getPosition() + t.size()));
            switch (d.getType()) {
                case INSERT -> shown.addDelta(new InsertDelta<>(ms, mt));
                case DELETE -> shown.addDelta(new DeleteDelta<>(ms, mt));
                default -> shown.addDelta(new ChangeDelta<>(ms, mt));
            }
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, shownOriginal, shown, CONTEXT));
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        } else {
            // the last line has no newline: keep that visible, as diff(1) does
            lines.add("\\ No newline at end of file");
        }
        return lines;
    }

    /** The bytes as text when they are UTF-8 without NUL, else empty (a binary file). */
    private static Optional<String> text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
