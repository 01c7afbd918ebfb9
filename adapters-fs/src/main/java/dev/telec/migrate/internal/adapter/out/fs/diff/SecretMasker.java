package dev.telec.migrate.internal.adapter.out.fs.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of keys whose name contains a secret word, line by line, in JSON, YAML, properties,
 * TOML and .env text: {@code "api_token": "abc"} becomes {@code "api_token": "***"}. Words match
 * case-insensitively and ignoring {@code _} and {@code -} ({@code api_key} matches {@code apiKey},
 * {@code API-KEY}). A key whose value opens a block ({@code {}, {@code [}, or nothing after a YAML
 * {@code key:}) has every value in the lines indented deeper than it masked too. An unquoted value is
 * masked to the end of its line: over-masking is preferred to leaking part of a secret.
 */
public final class SecretMasker {

    public static final String MASK = "***";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[A-Za-z0-9_.\\-]+)(\\s*[:=]\\s*)");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*-\\s+)(\\S.*)$");
    private static final Pattern BARE_VALUE = Pattern.compile("^(\\s*)([^\\s{}\\[\\],].*?)(,?)\\s*$");

    private final List<String> words;

    public SecretMasker(List<String> words) {
        this.words = words.stream().map(SecretMasker::normalize).filter(w -> !w.isEmpty()).toList();
    }

    public boolean isSecretKey(String key) {
        String k = normalize(key);
        for (String w : words) {
            if (k.contains(w)) return true;
        }
        return false;
    }

    /** The lines with secret values masked; as many lines as given. */
    public List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int blockIndent = -1; // >= 0: inside the block of a secret key indented this much
        for (String line : lines) {
            int indent = indentOf(line);
            if (blockIndent >= 0 && !line.isBlank() && indent <= blockIndent) {
                blockIndent = -1;
            }
            if (blockIndent >= 0) {
                out.add(maskAllValues(line));
                continue;
            }
            Result r = maskLine(line);
            out.add(r.line);
            if (r.opensBlock) blockIndent = indent;
        }
        return out;
    }

    private record Result(String line, boolean opensBlock) {
    }

    private Result maskLine(String line) {
        StringBuilder b = new StringBuilder();
        Matcher m = KEY_VALUE.matcher(line);
        int at = 0;
        while (at < line.length() && m.find(at)) {
            String key = unquote(m.group(1));
            int valueStart = m.end();
            if (!isSecretKey(key)) {
                b.append(line, at, valueStart);
                at = valueStart;
                continue;
            }
            b.append(line, at, valueStart);
            String rest = line.substring(valueStart);
            String trimmed = rest.strip();
            if (trimmed.isEmpty() || trimmed.equals("{") || trimmed.equals("[") || trimmed.equals("|") || trimmed.equals(">")) {
                b.append(rest);
                return new Result(b.toString(), true);
            }
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                b.append(maskToEnd(rest));
                return new Result(b.toString(), false);
            }
            int end = quotedEnd(rest);
            if (end > 0) {
                char q = rest.charAt(0);
                b.append(q).append(MASK).append(q);
                at = valueStart + end;
                continue;
            }
            b.append(maskToEnd(rest));
            return new Result(b.toString(), false);
        }
        b.append(line.substring(Math.min(at, line.length())));
        return new Result(b.toString(), false);
    }

    /** Inside a secret block: every value on the line, whatever its key. */
    private String maskAllValues(String line) {
        Matcher kv = KEY_VALUE.matcher(line);
        if (kv.find() && line.substring(0, kv.start()).isBlank()) {
            String rest = line.substring(kv.end());
            String trimmed = rest.strip();
            if (trimmed.isEmpty() || trimmed.equals("{") || trimmed.equals("[")) return line;
            return line.substring(0, kv.end()) + maskValue(rest);
        }
        Matcher item = LIST_ITEM.matcher(line);
        if (item.matches()) return item.group(1) + maskValue(item.group(2));
        Matcher bare = BARE_VALUE.matcher(line);
        if (bare.matches()) return bare.group(1) + maskValue(bare.group(2) + bare.group(3));
        return line;
    }

    private static String maskValue(String rest) {
        int end = quotedEnd(rest);
        if (end > 0) {
            char q = rest.charAt(0);
            return q + MASK + q + maskToEnd(rest.substring(end));
        }
        return maskToEnd(rest);
    }

    /** Masks everything but a trailing comma (JSON) and trailing blanks. */
    private static String maskToEnd(String rest) {
        String stripped = rest.stripTrailing();
        if (stripped.isEmpty()) return rest;
        boolean comma = stripped.endsWith(",");
        return MASK + (comma ? "," : "");
    }

    /** The length of the quoted string {@code s} starts with, or 0. */
    private static int quotedEnd(String s) {
        if (s.isEmpty()) return 0;
        Matcher m = s.charAt(0) == '"' ? DOUBLE_QUOTED.matcher(s) : s.charAt(0) == '\'' ? SINGLE_QUOTED.matcher(s) : null;
        return m != null && m.lookingAt() ? m.end() : 0;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')) return key.substring(1, key.length() - 1);
        return key;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
