package dev.telec.migrate.domain;

import java.util.regex.Pattern;

/**
 * The name of the app a manifest's steps and a home belong to ({@code teleclaude}, {@code myapp}):
 * lower-case letters and digits, then also {@code .}, {@code _} and {@code -}.
 */
public record AppName(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public AppName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not an app name: '" + value
                    + "' (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)");
        }
    }

    /** @throws IllegalArgumentException quoting {@code text} when it is not an app name */
    public static AppName of(String text) {
        return new AppName(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
