package dev.telec.migrate.internal.adapter.out.operations;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path relative to the home, written with {@code /} separators, that may hold wildcards ({@code *}: any
 * characters within one name, {@code ?}: one character). Validated when parsed: no absolute paths, no
 * {@code ..} names, no empty names, no backslashes. A pattern without wildcards names exactly one path, which
 * need not exist; one with wildcards names the existing paths it matches, in name order, never telec's own {@code .telec/}.
 */
final class HomePattern {

    private static final Pattern REFERENCE = Pattern.compile("\\{(\\d+)}");

    /** telec's own directory in a home: no wildcard matches it. */
    private static final String TELEC = ".telec";

    private final String text;
    private final List<String> names;
    private final int wildcards;

    private HomePattern(String text, List<String> names, int wildcards) {
        this.text = text;
        this.names = names;
        this.wildcards = wildcards;
    }

    /**
     * @throws IllegalArgumentException with a message fit for "field: message" when {@code text} is not a
     *     confined relative path
     */
    static HomePattern parse(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("is empty");
        if (text.startsWith("/") || text.startsWith("~") || text.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("'" + text + "' is absolute; paths are relative to the home");
        }
        if (text.indexOf('\\') >= 0) throw new IllegalArgumentException("'" + text + "' has a backslash; use /");
        List<String> names = new ArrayList<>();
        int wildcards = 0;
        for (String name : text.split("/", -1)) {
            if (name.equals("..")) throw new IllegalArgumentException("'" + text + "' has a '..' segment; paths must stay inside the home");
            if (name.isEmpty()) {
                if (names.size() > 0 && text.endsWith("/")) continue; // a trailing slash
                throw new IllegalArgumentException("'" + text + "' has an empty name");
            }
            if (name.equals(".")) continue;
            for (char c : name.toCharArray()) if (c == '*' || c == '?') wildcards++;
            names.add(name);
        }
        if (names.isEmpty()) throw new IllegalArgumentException("'" + text + "' names the home itself");
        return new HomePattern(text, List.copyOf(names), wildcards);
    }

    /** A target pattern whose {@code {n}} references must name wildcards of {@code source}. */
    static HomePattern parseTarget(String text, HomePattern source) {
        HomePattern target = parse(text);
        if (target.wildcards > 0) throw new IllegalArgumentException("'" + text + "' has wildcards; refer to the source's with {1}, {2}, ...");
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > source.wildcards) {
                throw new IllegalArgumentException("'" + text + "' refers to {" + n + "} but '" + source.text + "' has "
                        + source.wildcards + " wildcard" + (source.wildcards == 1 ? "" : "s"));
            }
        }
        return target;
    }

    boolean hasWildcards() {
        return wildcards > 0;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A path and what each wildcard matched in it. */
    record Match(Path path, List<String> captures) {}

    /**
     * The paths named: the one path when there are no wildcards, else the existing matches in name order.
     * Every result is checked to stay inside the home ({@link Confinement}).
     */
    List<Match> matches(Path home) throws IOException {
        List<Match> out = new ArrayList<>();
        if (wildcards == 0) {
            out.add(new Match(Confinement.resolve(home, names), List.of()));
            return out;
        }
        walk(home, 0, new ArrayList<>(), out);
        for (Match match : out) Confinement.check(home, match.path());
        return out;
    }

    private void walk(Path dir, int index, List<String> captures, List<Match> out) throws IOException {
        String name = names.get(index);
        boolean last = index == names.size() - 1;
        if (!hasWildcard(name)) {
            Path next = dir.resolve(name);
            if (last) {
                if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) out.add(new Match(next, List.copyOf(captures)));
            } else if (Files.isDirectory(next)) {
                walk(next, index + 1, captures, out);
            }
            return;
        }
        if (!Files.isDirectory(dir)) return;
        Pattern regex = toRegex(name);
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path child : entries) children.add(child);
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            if (index == 0 && child.getFileName().toString().equals(TELEC)) continue; // telec's backups
            Matcher m = regex.matcher(child.getFileName().toString());
            if (!m.matches()) continue;
            List<String> next = new ArrayList<>(captures);
            for (int g = 1; g <= m.groupCount(); g++) next.add(m.group(g));
            if (last) out.add(new Match(child, List.copyOf(next)));
            else if (Files.isDirectory(child)) walk(child, index + 1, next, out);
        }
    }

    /** This (wildcard-free) pattern with {@code {n}} replaced by {@code captures}, resolved in the home. */
    Path resolve(Path home, List<String> captures) throws IOException {
        List<String> resolved = new ArrayList<>();
        for (String name : names) {
            Matcher m = REFERENCE.matcher(name);
            StringBuilder sb = new StringBuilder();
            while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(captures.get(Integer.parseInt(m.group(1)) - 1)));
            m.appendTail(sb);
            resolved.add(sb.toString());
        }
        return Confinement.resolve(home, resolved);
    }

    private static boolean hasWildcard(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') sb.append("(.*)");
            else if (c == '?') sb.append("(.)");
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
