package dev.telec.migrate.adapter.out.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.telec.migrate.application.port.out.AppProfile;
import dev.telec.migrate.domain.AppName;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code telec.yaml}, the app profile at the root of a manifest tree (docs/app-profile.md): a flat YAML
 * mapping of single values. Strict: an unknown key, a repeated key, a nested value or a bad value is a
 * one-line error naming the file.
 *
 * <p>A new key is one entry in {@link #KEYS} (how its text goes into the profile) and a component of
 * {@link AppProfile}. Read with the streaming parser, so that a run with nothing to do builds no YAML mapper.
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
    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("home", (profile, value) -> profile.home(homePath(value)));
        KEYS.put("home_env", (profile, value) -> profile.homeVariable(variable(value)));
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
        Map<String, String> values = new LinkedHashMap<>();
        try (InputStream in = content.open(); JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                throw where.error("empty profile; it needs at least app: <name>");
            }
            if (t != JsonToken.START_OBJECT) {
                throw where.error("the profile must be a mapping of keys (app:, home:, home_env:), not a single value or a list");
            }
            for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                if (!key.equals("app") && !KEYS.containsKey(key)) {
                    throw where.error("unknown key '" + key + "' (known keys: app, " + String.join(", ", KEYS.keySet()) + ")");
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    throw where.error(key + ": must be a single value, not a " + (v == JsonToken.START_OBJECT ? "mapping" : "list"));
                }
                if (v == JsonToken.VALUE_NULL || p.getText().isBlank()) {
                    throw where.error(key + ": has no value");
                }
                if (values.put(key, p.getText()) != null) {
                    throw where.error(key + ": appears twice");
                }
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
            if (e instanceof dev.telec.migrate.application.TelecException) throw e;
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

    private static String variable(String value) {
        if (!VARIABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an environment variable name (letters, digits and _)");
        }
        return value;
    }
}
