package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.application.TelecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place that turns what went wrong into a one-line message and an exit code. */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Another run holds the home: nothing was done, try again later (or with --wait). */
    static final int LOCKED = 3;
    /** {@code telec status --check}: something is pending or ignored. */
    static final int NOT_UP_TO_DATE = 4;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = matched(parseResult, "--verbose");
        String message = e instanceof TelecException
                ? e.getMessage()
                : "internal error: " + e.getClass().getName() + ": " + e.getMessage()
                        + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        if (matched(parseResult, "--json")) {
            if (commandLine.getCommand() instanceof JsonErrors verb) {
                verb.jsonError(commandLine.getOut(), TelecException.oneLine(message));
            } else {
                new ReportPrinter(commandLine.getOut(), err).jsonError(message);
            }
        }
        err.println("telec: " + TelecException.oneLine(message));
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof TelecException.UsageException) return USAGE;
        return e instanceof TelecException.LockedException ? LOCKED : FAILED;
    }

    /** A usage error: one line saying what is wrong and where help is, not the whole help. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("telec: " + TelecException.oneLine(e.getMessage()));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    private static boolean matched(ParseResult parseResult, String option) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(option)) return true;
        }
        return false;
    }
}
