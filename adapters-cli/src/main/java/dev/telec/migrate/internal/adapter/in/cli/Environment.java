package dev.telec.migrate.internal.adapter.in.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** What the command line reads from its process: environment variables, the user's home, its terminals. */
public interface Environment {

    Optional<String> variable(String name);

    Path userHome();

    /** The directory the command was started in. */
    default Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** Whether standard output is a terminal (colours are on there by default). */
    default boolean stdoutIsTerminal() {
        return false;
    }

    /** Whether standard error is a terminal (progress is shown there). */
    default boolean stderrIsTerminal() {
        return false;
    }

    static Environment system() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")), () -> terminal(1), () -> terminal(2));
    }

    static Environment of(Map<String, String> variables, Path userHome) {
        return of(variables, userHome, false, false);
    }

    /** A fixed environment, for tests: these variables, this home, and whether stdout and stderr are terminals. */
    static Environment of(Map<String, String> variables, Path userHome, boolean stdoutTerminal, boolean stderrTerminal) {
        return of(variables, userHome, () -> stdoutTerminal, () -> stderrTerminal);
    }

    /** These variables (a blank one is unset) and this home; the terminals asked each time. */
    private static Environment of(Map<String, String> variables, Path userHome, BooleanSupplier stdoutTerminal,
                                  BooleanSupplier stderrTerminal) {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
            }

            @Override
            public Path userHome() {
                return userHome;
            }

            @Override
            public boolean stdoutIsTerminal() {
                return stdoutTerminal.getAsBoolean();
            }

            @Override
            public boolean stderrIsTerminal() {
                return stderrTerminal.getAsBoolean();
            }
        };
    }

    /**
     * Whether file descriptor {@code fd} of this process is a terminal. Java 17 has no isatty; on Linux the
     * descriptor's link names the device ({@code /dev/pts/3}). Elsewhere: only when a console is attached.
     */
    private static boolean terminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
