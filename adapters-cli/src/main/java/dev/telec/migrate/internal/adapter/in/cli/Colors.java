package dev.telec.migrate.internal.adapter.in.cli;

import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * Whether the output gets colours: {@code --color=always} forces them, {@code --color=never} and a set
 * {@code NO_COLOR} (no-color.org) turn them off, and otherwise only a terminal gets them. Decided before
 * the arguments are parsed, because the help picocli prints while parsing is coloured too; a bad value is
 * then refused by the option itself.
 */
final class Colors {

    /** The values of {@code --color}. */
    enum When { auto, always, never }

    private Colors() {
    }

    static Ansi forStdout(String[] args, Environment environment) {
        return decide(args, environment, environment.stdoutIsTerminal());
    }

    static Ansi forStderr(String[] args, Environment environment) {
        return decide(args, environment, environment.stderrIsTerminal());
    }

    private static Ansi decide(String[] args, Environment environment, boolean terminal) {
        When when = when(args);
        if (when == When.always) return Ansi.ON;
        if (when == When.never || environment.variable("NO_COLOR").isPresent()) return Ansi.OFF;
        return terminal ? Ansi.ON : Ansi.OFF;
    }

    /** The last {@code --color} among the options (not after {@code --}); auto when absent or not understood. */
    static When when(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) break;
            if (args[i].startsWith("--color=")) value = args[i].substring("--color=".length());
            else if (args[i].equals("--color") && i + 1 < args.length) value = args[++i];
        }
        if (value == null) return When.auto;
        try {
            return When.valueOf(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return When.auto;
        }
    }
}
