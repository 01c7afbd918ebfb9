package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.telec.migrate.internal.adapter.out.fs.Sizes;
import dev.telec.migrate.internal.adapter.out.script.Durations;
import dev.telec.migrate.internal.adapter.out.script.Sandboxing;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.AppName;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code telec.yaml}, the app profile at the root of a manifest tree (docs/app-profile.md): a flat YAML
 * mapping of single values. Strict: an unknown key, a repeated key, a nested value or a bad value is a
 * one-line error naming the file.
 *
 * <p>A new key is one entry in {@link #KEYS} (how its text goes into the profile) and a component of
 * {@link AppProfile}. A file of plain {@code key: value} lines is read without the YAML parser; anything else with
 * Jackson's streaming YAML parser (no object mapper).
 */
final class ProfileFile {

    /** The profile's file name at the root of a manifest tree. */
    static final String NAME = "telec.yaml";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How one key's value goes into the profile; throws {@link IllegalArgumentException} saying what is wrong. */
    @FunctionalInterface
    private interface Key {
        AppProfile apply(AppProfile profile, String value);
    }

    /** The keys other than {@code app}, which is required and read first. Messages list them in this order. */
    private static final Map<String, Key> KEYS = keys();

    private static Map<String, Key> keys() {
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put("home", (profile, value) -> profile.home(homePath(value)));
        keys.put("home_env", (profile, value) -> profile.homeVariable(variable(value)));
        // script steps (docs/script-steps.md)
        keys.put("python", (profile, value) -> profile.python(command(value)));
        keys.put("sandbox", (profile, value) -> profile.sandbox(Sandboxing.parse(value).wireName()));
        keys.put("step_timeout", (profile, value) -> profile.stepTimeout(Durations.parse(value)));
        // backups (docs/backups.md)
        keys.put("keep_backups", (profile, value) -> profile.keepBackups(count(value)));
        keys.put("backup_limit", (profile, value) -> profile.backupLimit(Sizes.parse(value)));
        return Collections.unmodifiableMap(keys);
    }

    private ProfileFile() {
    }

    static AppProfile read(Location where, Content content) {
        Map<String, String> values = values(where, content);
        String app = values.remove("app");
        if (app == null) {
            throw where.error("app: is missing; the profile names the app its steps are for, e.g. app: myapp");
        }
        AppProfile profile;
        try {
            profile = AppProfile.of(AppName.of(app));
        } catch (IllegalArgumentException e) {
            throw where.error("app: " + e.getMessage());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            Key key = KEYS.get(e.getKey());
            try {
                profile = key.apply(profile, e.getValue());
            } catch (IllegalArgumentException bad) {
                throw where.error(e.getKey() + ": " + bad.getMessage());
            }
        }
        return profile;
    }

    /** The file's keys and values as text, in file order; only known keys, each once, each a single value. */
    private static Map<String, String> values(Location where, Content content) {
        byte[] bytes;
        try (InputStream in = content.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw where.error("cannot read: " + Messages.describe(e), e);
        }
        Map<String, String> simple = simpleValues(where, bytes);
        return simple != null ? simple : yamlValues(where, bytes);
    }

    /** {@code key: value  # comment} with a plain value: no quoting, blanks, flow or YAML indicators. */
    private static final Pattern SIMPLE_LINE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): +([A-Za-z0-9_./~$+][A-Za-z0-9_./~$+=@-]*)(?: *| +#.*)");
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile(" *(?:#.*)?");

    /**
     * The values of a profile written in the plain form every profile we know uses, read without the YAML parser (a
     * run with nothing to do then loads no YAML classes); null when any line is not of that form (quoting, a blank in
     * a value, a YAML null, nesting, documents, a byte-order mark): the YAML parser reads those. Both agree on every
     * file this accepts (ProfileFileTest).
     */
    static Map<String, String> simpleValues(Location where, byte[] bytes) {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\r?\\n", -1)) {
            if (BLANK_OR_COMMENT.matcher(line).matches()) continue;
            java.util.regex.Matcher m = SIMPLE_LINE.matcher(line);
            if (!m.matches() || YAML_NULLS.contains(m.group(2))) return null;
            put(where, values, m.group(1), m.group(2));
        }
        return values.isEmpty() ? null : values;
    }

    private static final java.util.Set<String> YAML_NULLS = java.util.Set.of("~", "null", "Null", "NULL");

    private static void put(Location where, Map<String, String> values, String key, String value) {
        if (!key.equals("app") && !KEYS.containsKey(key)) {
            throw where.error("unknown key '" + key + "' (known keys: app, " + String.join(", ", KEYS.keySet()) + ")");
        }
        if (values.put(key, value) != null) {
            throw where.error(key + ": appears twice");
        }
    }

    static Map<String, String> yamlValues(Location where, byte[] bytes) {
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                throw where.error("empty profile; it needs at least app: <name>");
            }
            if (t != JsonToken.START_OBJECT) {
                throw where.error("the profile must be a mapping of keys (app:, home:, home_env:), not a single value or a list");
            }
            for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                if (!key.equals("app") && !KEYS.containsKey(key)) put(where, values, key, null); // unknown: throws
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    throw where.error(key + ": must be a single value, not a " + (v == JsonToken.START_OBJECT ? "mapping" : "list"));
                }
                if (v == JsonToken.VALUE_NULL || p.getText().isBlank()) {
                    throw where.error(key + ": has no value");
                }
                put(where, values, key, p.getText());
            }
            if (p.nextToken() != null) {
                throw where.error("more than one YAML document; the profile is one mapping");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw where.error("malformed YAML: " + Messages.oneLine(e.getOriginalMessage()) + line, e);
        } catch (IOException e) {
            throw where.error("cannot read: " + Messages.describe(e), e);
        } catch (RuntimeException e) {
            if (e instanceof dev.telec.migrate.api.TelecException) throw e;
            throw where.error("malformed YAML: " + Messages.describe(e), e); // a SnakeYAML failure Jackson did not wrap
        }
        return values;
    }

    /** A home as written: a path, where only a leading {@code ~} or {@code ~/} is special. */
    private static String homePath(String value) {
        if (value.startsWith("~") && !value.equals("~") && !value.startsWith("~/")) {
            throw new IllegalArgumentException("'" + value + "': only a leading ~ or ~/ ($HOME) is expanded, not ~user");
        }
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("a path cannot hold a NUL character");
        return value;
    }

    /** An interpreter: a command name or a path, run as it is (no arguments). */
    private static String command(String value) {
        if (value.indexOf('\0') >= 0 || value.strip().contains(" ")) {
            throw new IllegalArgumentException("'" + value + "' is not a command (a name like python3, or a path, without arguments)");
        }
        return value.strip();
    }

    /** How many backups to keep: a whole number, 0 or more. */
    private static int count(String value) {
        if (!value.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("'" + value + "' is not a number of backups to keep (0 or more, like 5)");
        }
        return Integer.parseInt(value);
    }

    private static String variable(String value) {
        if (!VARIABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an environment variable name (letters, digits and _)");
        }
        return value;
    }
}
