package dev.telec.migrate.internal.adapter.out.script;

import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.spi.ScriptMigration;
import dev.telec.migrate.spi.StepFailure;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step that is a process: a Python module in the reference runner's format, an executable script run as
 * {@code <file> check|migrate}, or an {@code exec:} entry's commands. check() and migrate() each run one
 * process ({@link ScriptHost}); exit 0 is true, 1 false, anything else (or a signal, or the time limit) a
 * failure whose message ends with the last lines of its stderr. A successful migrate() asks for a sync of
 * the home's file system before the step is recorded.
 */
public final class ProcessStep implements ScriptMigration {

    /** What runs. */
    public enum Kind {
        PYTHON, SCRIPT, EXEC;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final int STDERR_LINES = 5;

    private final Kind kind;
    private final List<Path> files;
    private final Map<String, List<String>> commands; // "check" / "migrate" -> argv (Python: the file)
    private final List<Path> readable;
    private final Optional<Duration> timeout;
    private final ScriptHost host;

    private ProcessStep(Kind kind, List<Path> files, Map<String, List<String>> commands, List<Path> readable,
                        Optional<Duration> timeout, ScriptHost host) {
        this.kind = kind;
        this.files = List.copyOf(files);
        this.commands = Map.copyOf(commands);
        this.readable = List.copyOf(readable);
        this.timeout = timeout;
        this.host = host;
    }

    /** {@code NNN_description.py}: top-level check() and migrate() returning a bool. */
    public static ProcessStep python(Path module, Path manifestRoot, ScriptHost host) {
        String file = module.toAbsolutePath().toString();
        return new ProcessStep(Kind.PYTHON, List.of(module), Map.of("check", List.of(file), "migrate", List.of(file)),
                List.of(realOrAbsolute(manifestRoot)), Optional.empty(), host);
    }

    /** An executable {@code NNN_description[.ext]}, run as {@code <file> check} and {@code <file> migrate}. */
    public static ProcessStep script(Path script, Path manifestRoot, ScriptHost host) {
        String file = script.toAbsolutePath().toString();
        return new ProcessStep(Kind.SCRIPT, List.of(script), Map.of("check", List.of(file, "check"), "migrate", List.of(file, "migrate")),
                List.of(realOrAbsolute(manifestRoot)), Optional.empty(), host);
    }

    /** An {@code exec:} entry: its own commands, and its own time limit if it sets one. */
    public static ProcessStep exec(List<Path> files, List<String> check, List<String> migrate, Optional<Duration> timeout,
                                   Path manifestRoot, ScriptHost host) {
        // a command outside the tree (the app's own binary) must be visible in the sandbox even under /tmp
        Set<Path> readable = new LinkedHashSet<>(List.of(realOrAbsolute(manifestRoot)));
        for (List<String> command : List.of(check, migrate)) {
            Path parent = Path.of(command.get(0)).getParent();
            if (parent != null) readable.add(realOrAbsolute(parent));
        }
        return new ProcessStep(Kind.EXEC, files, Map.of("check", check, "migrate", migrate),
                new ArrayList<>(readable), timeout, host);
    }

    @Override
    public String kind() {
        return kind.wireName();
    }

    @Override
    public List<Path> files() {
        return files;
    }

    @Override
    public boolean check(MigrationContext context) {
        return call("check", context);
    }

    @Override
    public boolean migrate(MigrationContext context) {
        boolean done = call("migrate", context);
        if (done && !context.simulated()) {
            // what the process wrote is made durable before the step's record is (batched with the directory syncs)
            try {
                context.durability().syncFileSystemBeforeRecord(context.home());
            } catch (IOException e) {
                throw new StepFailure("migrate() succeeded, but what it wrote cannot be made durable: " + e.getMessage(), e);
            }
        }
        return done;
    }

    private boolean call(String function, MigrationContext context) {
        Path home = context.home();
        if (home.getFileSystem() != FileSystems.getDefault()) {
            throw new StepFailure(function + "() cannot run: a " + kind.wireName() + " step needs a home on disk, not in memory");
        }
        Path real;
        try {
            real = home.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StepFailure(function + "() cannot run: the home " + home + " does not exist");
        } catch (IOException e) {
            throw new StepFailure(function + "() cannot run: cannot resolve the home " + home + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(real)) {
            throw new StepFailure(function + "() cannot run: the home " + home + " is not a directory");
        }
        Duration limit = timeout.orElseGet(() -> host.settings().timeout());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TELEC_HOME", real.toString());
        variables.put("TELEC_STEP_ID", context.id());
        variables.put("TELEC_APP", host.settings().app());
        variables.put("TELEC_FROM", context.from().toString());
        variables.put("TELEC_TO", context.to().toString());
        if (context.simulated()) variables.put("TELEC_DRY_RUN", "1");
        List<Path> binds = new ArrayList<>(readable);
        Path pythonHome = null;
        try {
            List<String> command = commands.get(function);
            if (kind == Kind.PYTHON) {
                pythonHome = linkedHome(real);
                variables.put("HOME", pythonHome.toString());
                binds.add(pythonHome);
                command = PythonDriver.command(host.python(), command.get(0), function, context.id());
            }
            ScriptHost.Result result;
            try {
                result = host.run(new ScriptHost.Invocation(context.id() + " " + function, command, real, variables, limit, binds));
            } catch (IOException e) {
                throw new StepFailure(function + "() cannot start " + command.get(0) + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new StepFailure(function + "() refused: " + e.getMessage(), e);
            }
            return outcome(function, result, limit);
        } catch (IOException e) {
            throw new StepFailure(function + "() cannot prepare the step's HOME: " + e.getMessage(), e);
        } finally {
            if (pythonHome != null) removeLinkedHome(pythonHome);
        }
    }

    private boolean outcome(String function, ScriptHost.Result result, Duration limit) {
        List<String> stderr = Tail.lastLines(result.stderr(), STDERR_LINES + 1);
        if (result.timedOut()) {
            throw failure(function, result, "timed out after " + Durations.format(limit) + lines(stderr));
        }
        int exit = result.exit();
        if (exit == 0) return true;
        if (result.confined() && !stderr.isEmpty() && stderr.get(stderr.size() - 1).startsWith("bwrap: ")) {
            // bubblewrap's own failure (exit 1 too): not the step's answer
            throw failure(function, result, "could not be started in the sandbox: " + stderr.get(stderr.size() - 1));
        }
        if (exit == 1) {
            if (function.equals("check")) return false;
            throw failure(function, result, (kind == Kind.PYTHON ? "returned False" : "exited 1 (false)") + lines(stderr));
        }
        if (kind == Kind.PYTHON && exit == 2 && !stderr.isEmpty() && stderr.get(stderr.size() - 1).startsWith(PythonDriver.MARK)) {
            String what = stderr.remove(stderr.size() - 1).substring(PythonDriver.MARK.length());
            throw failure(function, result, what + lines(stderr));
        }
        if (exit > 128 && exit < 128 + 65) {
            throw failure(function, result, "was killed by signal " + (exit - 128) + lines(stderr));
        }
        throw failure(function, result, "exited " + exit + lines(stderr));
    }

    private static StepFailure failure(String function, ScriptHost.Result result, String message) {
        return new StepFailure(function + "() " + message, result.stdout(), result.stderr());
    }

    /** {@code "; stderr: a | b"}, the last lines. */
    private static String lines(List<String> stderr) {
        List<String> last = stderr.size() > STDERR_LINES ? stderr.subList(stderr.size() - STDERR_LINES, stderr.size()) : stderr;
        return last.isEmpty() ? "" : "; stderr: " + String.join(" | ", last);
    }

    /** A private directory holding one link, named like the app's home, to the home being migrated. */
    private Path linkedHome(Path home) throws IOException {
        Path dir = Files.createTempDirectory("telec-home-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(dir.resolve(host.settings().homeLinkName()), home);
        return dir.toRealPath();
    }

    private void removeLinkedHome(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(host.settings().homeLinkName()));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a step that wrote into its HOME beside the link: left in the temp directory
        }
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    @Override
    public String toString() {
        return kind.wireName() + " step " + files;
    }
}
