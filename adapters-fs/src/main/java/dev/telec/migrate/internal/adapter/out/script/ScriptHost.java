package dev.telec.migrate.internal.adapter.out.script;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the processes of script steps for one telec (one run on the command line): with the settings the
 * app and the command line give, confined by bubblewrap when it can ({@link Sandboxing}), in the home with
 * stdin from {@code /dev/null}, in a session (process group) of its own, with a time limit after which the
 * whole group gets TERM and, after a grace period, KILL. Output is kept bounded and, when asked, streamed
 * line by line as it comes. Whether bubblewrap can run is found out once.
 */
public final class ScriptHost {

    /** How much of each of a process's stdout and stderr is kept. */
    static final int OUTPUT_LIMIT = 64 * 1024;

    private static final File DEV_NULL = new File("/dev/null");

    private final Map<String, String> environment;
    private volatile ScriptSettings settings = ScriptSettings.DEFAULT;
    private volatile Consumer<String> stream;
    private volatile Consumer<String> notices = line -> { };
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    // found out once, on first need; guarded by "this"
    private boolean probed;
    private Bubblewrap bubblewrap;
    private String unconfinedBecause;
    private boolean noticed;
    private boolean hooked;

    /** @param environment telec's own environment, which steps inherit (with the TELEC_ variables added) */
    public ScriptHost(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A host with this process's environment. */
    public static ScriptHost system() {
        return new ScriptHost(System.getenv());
    }

    public void configure(ScriptSettings value) {
        settings = Objects.requireNonNull(value, "settings");
    }

    public ScriptSettings settings() {
        return settings;
    }

    /** Each line a step's process prints, prefixed with the step, as it comes; null: only kept. */
    public void streamOutput(Consumer<String> lines) {
        stream = lines;
    }

    /** Where the one-line notices go (that steps run unconfined); by default nowhere. */
    public void notices(Consumer<String> lines) {
        notices = Objects.requireNonNull(lines, "notices");
    }

    /**
     * The interpreter of {@code .py} steps: {@code TELEC_PYTHON}, else the app's {@code python:}, else python3,
     * as the executable it really is ({@code sys.executable}, asked once): a pyenv or asdf shim in front of it
     * costs a shell and more at every one of the three starts a step makes.
     */
    String python() {
        String variable = environment.get("TELEC_PYTHON");
        String named = variable != null && !variable.isBlank() ? variable : settings.python().orElse("python3");
        synchronized (this) {
            return pythons.computeIfAbsent(named, ScriptHost::realExecutable);
        }
    }

    private final Map<String, String> pythons = new java.util.HashMap<>();

    private static String realExecutable(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; sys.stdout.write(sys.executable or '')")
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() && Files.isExecutable(Path.of(out))) {
                return out;
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // not startable: the step's own start says so, naming it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return python;
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * With {@code sandbox: required}, makes sure bubblewrap can confine steps; called when a script entry is
     * resolved, before any step runs.
     *
     * @throws IllegalStateException saying why it cannot
     */
    public void requireConfinementWhenRequired() {
        if (settings.sandbox() != Sandboxing.REQUIRED) return;
        if (confinement() == null) {
            throw new IllegalStateException("sandbox: required, but script steps cannot be confined here: " + unconfinedBecause);
        }
    }

    /** The bubblewrap to confine with, or null to run unconfined (after one notice in auto mode). */
    private synchronized Bubblewrap confinement() {
        if (settings.sandbox() == Sandboxing.OFF) return null;
        if (!probed) {
            probed = true;
            Optional<Bubblewrap> found = Bubblewrap.find(environment);
            if (found.isEmpty()) {
                unconfinedBecause = "bwrap (bubblewrap) is not installed";
            } else {
                Optional<String> broken = found.get().probe();
                if (broken.isPresent()) unconfinedBecause = broken.get();
                else bubblewrap = found.get();
            }
        }
        return bubblewrap;
    }

    /** Whether the processes of this run are confined, after finding out; for reports and tests. */
    public boolean confined() {
        return confinement() != null;
    }

    /** What a process is to run. */
    record Invocation(String label, List<String> command, Path home, Map<String, String> variables, Duration timeout,
                      List<Path> readable) {
    }

    /** How it ended. {@code exit} is meaningless when it timed out. */
    record Result(int exit, boolean timedOut, String stdout, String stderr, boolean confined) {
    }

    /**
     * Runs one process to its end or its time limit.
     *
     * @throws IOException when it cannot be started
     * @throws IllegalStateException with {@code sandbox: required} when it cannot be confined
     */
    Result run(Invocation call) throws IOException {
        Bubblewrap bwrap = confinement();
        List<String> argv = new ArrayList<>();
        boolean ownGroup;
        if (bwrap != null) {
            argv.addAll(bwrap.prefix(call.home(), call.readable()));
            ownGroup = false; // bwrap's --new-session, and its pid namespace dies with it
        } else {
            if (settings.sandbox() == Sandboxing.REQUIRED) {
                throw new IllegalStateException("sandbox: required, but script steps cannot be confined here: " + unconfinedBecause);
            }
            noticeUnconfined();
            Optional<String> setsid = onPath("setsid");
            setsid.ifPresent(argv::add);
            ownGroup = setsid.isPresent();
            // the step's process dies with telec, even a SIGKILLed one, so it cannot race the next run
            onPath("setpriv").ifPresent(setpriv -> argv.addAll(List.of(setpriv, "--pdeathsig", "KILL", "--")));
        }
        argv.addAll(call.command());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(call.home().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(call.variables());
        hookShutdown();
        Process process = builder.start();
        running.add(process);
        try {
            Tail out = new Tail(OUTPUT_LIMIT);
            Tail err = new Tail(OUTPUT_LIMIT);
            Thread outPump = OutputPumps.pump(process.getInputStream(), out, call.label(), stream);
            Thread errPump = OutputPumps.pump(process.getErrorStream(), err, call.label(), stream);
            boolean finished;
            try {
                finished = process.waitFor(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                end(process, ownGroup, bwrap != null);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + call.label() + " ran; it was ended", e);
            }
            if (!finished) end(process, ownGroup, bwrap != null);
            if (!OutputPumps.drained(outPump, errPump, 200) && ownGroup) {
                // its own children still hold its output open: they do not outlive the step
                signalGroup(process.pid(), "KILL");
            }
            OutputPumps.drained(outPump, errPump, 1000);
            return new Result(finished ? process.exitValue() : -1, !finished, out.text(), err.text(), bwrap != null);
        } finally {
            running.remove(process);
        }
    }

    private void noticeUnconfined() {
        boolean first;
        synchronized (this) {
            first = settings.sandbox() == Sandboxing.AUTO && !noticed;
            noticed = true;
        }
        if (first) {
            notices.accept("telec: notice: script steps run unconfined (" + unconfinedBecause
                    + "); install bubblewrap to confine them to the home, or set sandbox: off in telec.yaml");
        }
    }

    /** TERM to the process's group (or, confined, to everything inside bwrap), then KILL after the grace period. */
    private void end(Process process, boolean ownGroup, boolean confined) {
        List<ProcessHandle> tree = process.descendants().toList();
        if (ownGroup) signalGroup(process.pid(), "TERM");
        tree.forEach(ProcessHandle::destroy);
        if (!confined) process.destroy(); // confined, TERM to bwrap itself would KILL the step at once
        try {
            if (process.waitFor(settings.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                if (ownGroup) signalGroup(process.pid(), "KILL");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownGroup) signalGroup(process.pid(), "KILL");
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(settings.grace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Java cannot signal a process group; kill(1) can. Best effort: the group may be gone already. */
    private void signalGroup(long pgid, String signal) {
        Optional<String> kill = onPath("kill");
        if (kill.isEmpty()) return;
        try {
            Process p = new ProcessBuilder(kill.get(), "-s", signal, "--", "-" + pgid)
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing more to do: the tree was signalled through ProcessHandle too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On TERM or INT, telec ends the step processes still running (unconfined ones are in a session of their own). */
    private synchronized void hookShutdown() {
        if (hooked) return;
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : running) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }, "telec-script-steps"));
    }

    private Optional<String> onPath(String name) {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate.toString());
        }
        return Optional.empty();
    }
}
