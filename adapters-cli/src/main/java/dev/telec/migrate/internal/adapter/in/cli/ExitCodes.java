package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.api.DowngradeException;
import dev.telec.migrate.api.LockedException;
import dev.telec.migrate.api.RangeException;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.api.UsageException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place that turns what went wrong into a one-line message and an exit code. */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Another run holds the home: nothing was done, try again later (or with --wait). */
    static final int LOCKED = 3;
    /** {@code telec status --check}: something is pending or ignored. */
    static final int NOT_UP_TO_DATE = 4;
    /** Stopped by SIGINT (128 + 2), after the step in flight. */
    static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM (128 + 15), after the step in flight. */
    static final int TERMINATED = 143;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = matched(parseResult, "--verbose");
        String message = e instanceof TelecException
                ? inCommandLineWords((TelecException) e)
                : "internal error: " + e.getClass().getName() + ": " + e.getMessage()
                        + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        if (JsonErrors.asked(parseResult.originalArgs())) {
            jsonError(commandLine, message);
        }
        err.println("telec: " + TelecException.oneLine(message));
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof UsageException) return USAGE;
        return e instanceof LockedException ? LOCKED : FAILED;
    }

    /**
     * The application speaks of what a caller can ask for; here it is said with the flag that asks for it.
     */
    private static String inCommandLineWords(TelecException e) {
        String message = e.getMessage();
        if (e instanceof DowngradeException) {
            message = message.replace(", or allow the downgrade to leave the home as it is",
                    ", or pass --allow-downgrade to leave the home as it is").replace("newer than the range's end, ", "newer than --to ");
        } else if (e instanceof UsageException) {
            message = inCommandLineWords(message);
        } else if (e instanceof RangeException) {
            message = message.replace("the range starts at ", "--from ").replace(", after its end, ", " is after --to ")
                    .replace(", after the newest step version, ", " is after the newest step version ");
        }
        return message;
    }

    /** The end of the range a caller asked for is {@code --to} on the command line (usage errors and notices). */
    static String inCommandLineWords(String message) {
        return message.replace("the range's end, ", "--to ").replace(", is above every step", " is above every step");
    }

    /** A usage error: one line saying what is wrong and where help is, not the whole help. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = TelecException.oneLine(usageMessage(e));
        if (JsonErrors.asked(args)) {
            jsonError(commandLine, message);
        }
        err.println("telec: " + message);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    /** The command's own error document when it has one, else {@code {"error": ...}}. */
    private static void jsonError(CommandLine commandLine, String message) {
        String line = TelecException.oneLine(message);
        if (commandLine.getCommand() instanceof JsonErrors verb) {
            verb.jsonError(commandLine.getOut(), line);
        } else {
            JsonErrors.plain(commandLine.getOut(), line);
        }
        commandLine.getOut().flush();
    }

    /** picocli's message, in our words for the common cases, with its suggestions for a mistyped name. */
    private static String usageMessage(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String arg = unmatched.getUnmatched().get(0);
        CommandLine commandLine = e.getCommandLine();
        List<String> suggestions = new ArrayList<>(unmatched.getSuggestions());
        String what;
        if (unmatched.isUnknownOption()) {
            what = "unknown option '" + arg + "'";
            if (suggestions.isEmpty()) suggestions.addAll(closeOptions(commandLine, arg));
        } else if (!commandLine.getSubcommands().isEmpty() && commandLine.getCommandSpec().positionalParameters().isEmpty()) {
            what = "unknown command '" + arg + "'";
            suggestions.replaceAll(s -> commandLine.getCommandName() + " " + s);
        } else {
            return e.getMessage();
        }
        if (suggestions.isEmpty()) return what;
        return what + "; did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    /** Option names within two edits of {@code arg} (picocli only suggests names with the same first letters). */
    private static List<String> closeOptions(CommandLine commandLine, String arg) {
        String typed = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> close = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : commandLine.getCommandSpec().options()) {
            if (option.hidden()) continue;
            for (String name : option.names()) {
                if (name.length() > 2 && distance(typed, name) <= 2) close.add(name);
            }
        }
        return close;
    }

    /** Levenshtein distance, with a transposition counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean matched(ParseResult parseResult, String option) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(option)) return true;
        }
        return false;
    }
}
