package dev.telec.migrate.adapter.in.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;

/** The command line as a testable function of arguments to exit code, over the given streams. */
public final class Cli {

    private final Injector injector;

    public Cli(Injector injector) {
        this.injector = Objects.requireNonNull(injector, "injector");
    }

    public int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(TelecCommand.class, new GuiceFactory(injector));
        // after the subcommands are added: the scheme is handed down to all of them
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(Colors.forStdout(args, injector.getInstance(Environment.class))));
        commandLine.setOut(out);
        commandLine.setErr(err);
        ExitCodes exitCodes = new ExitCodes();
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setParameterExceptionHandler(exitCodes);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Our commands come from the injector. Picocli's own helpers (collections, its built-in types) come
     * from its default factory: by package, never as a fallback after Guice failed, so a missing binding
     * fails loudly.
     */
    private record GuiceFactory(Injector injector) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getName().startsWith("dev.telec.")) {
                return injector.getInstance(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
