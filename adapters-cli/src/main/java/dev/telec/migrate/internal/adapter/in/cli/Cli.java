package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line as a testable function of arguments to exit code, over the given streams. */
public final class Cli {

    private final Supplier<Injector> injector;

    public Cli(Injector injector) {
        Objects.requireNonNull(injector, "injector");
        this.injector = () -> injector;
    }

    private Cli(Supplier<Injector> injector) {
        this.injector = injector;
    }

    /**
     * A command line whose injector is created on a thread of its own while picocli reads the command classes'
     * annotations on the caller's: the two are the larger part of a start, and picocli needs the injector only
     * when it creates the first command object. A failure to create the injector is thrown where it is needed.
     */
    static Cli creatingInjectorBeside(Module wiring) {
        FutureTask<Injector> creation = new FutureTask<>(() -> Guice.createInjector(wiring));
        Thread thread = new Thread(creation, "telec-injector");
        thread.setDaemon(true);
        thread.start();
        return new Cli(() -> {
            try {
                return creation.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                if (e.getCause() instanceof Error error) throw error;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the command line was being set up", e);
            }
        });
    }

    public int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(out, err, args);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line ready to execute {@code args}: with the model of the named verb alone when they name one. */
    CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(TelecCommand.class, new GuiceFactory(injector));
        Optional<Class<?>> verb = verb(args);
        for (Class<?> each : TelecCommand.VERBS) {
            if (verb.isEmpty() || verb.get() == each) {
                commandLine.addSubcommand(each);
            }
        }
        // after the subcommands are added: the scheme is handed down to all of them
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(Colors.forStdout(args, injector.get().getInstance(Environment.class))));
        commandLine.setOut(out);
        commandLine.setErr(err);
        ExitCodes exitCodes = new ExitCodes();
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setParameterExceptionHandler(exitCodes);
        return commandLine;
    }

    /**
     * The verb {@code args} run, when only its model is needed: a verb named after the top-level {@code --color}
     * option, other than {@code help} and {@code completion} (they read the whole model). Empty for anything else
     * (no verb, a top-level option such as {@code --help}, an unknown or mistyped verb): the whole model, so that
     * listings and suggestions name every verb.
     */
    static Optional<Class<?>> verb(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--color")) {
                i++;
            } else if (!arg.startsWith("--color=")) {
                if (WHOLE_MODEL_VERBS.contains(arg)) return Optional.empty();
                for (Class<?> each : TelecCommand.VERBS) {
                    if (each.getAnnotation(Command.class).name().equals(arg)) return Optional.of(each);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Verbs that read the whole model: the help of any command, and completion scripts for every command. */
    static final Set<String> WHOLE_MODEL_VERBS = Set.of("help", "completion");

    /**
     * Our commands come from the injector. Picocli's own helpers (collections, its built-in types) come
     * from its default factory: by package, never as a fallback after Guice failed, so a missing binding
     * fails loudly.
     */
    private record GuiceFactory(Supplier<Injector> injector) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getName().startsWith("dev.telec.")) {
                return injector.get().getInstance(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
