package dev.telec.migrate.internal.adapter.out.script;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The confinement of a step's process with bubblewrap: the whole file system read-only, the home it
 * migrates writable, a private {@code /tmp} (and {@code /dev}, {@code /proc}), no network and every other
 * namespace unshared, and the process tree killed when telec dies ({@code --die-with-parent}).
 */
final class Bubblewrap {

    private final Path executable;

    private Bubblewrap(Path executable) {
        this.executable = executable;
    }

    /** {@code TELEC_BWRAP} (a path) when set, else {@code bwrap} on {@code PATH}, if any. */
    static Optional<Bubblewrap> find(Map<String, String> environment) {
        String named = environment.get("TELEC_BWRAP");
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(new Bubblewrap(p)) : Optional.empty();
        }
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(new Bubblewrap(candidate));
        }
        return Optional.empty();
    }

    /**
     * The arguments that run a command confined.
     *
     * @param writable the home (its real path), bound read-write
     * @param readable further paths the command needs that a private {@code /tmp} would hide (the manifest
     *     tree, a Python step's {@code HOME}), bound read-only
     */
    List<String> prefix(Path writable, List<Path> readable) {
        List<String> args = base();
        for (Path p : readable) {
            args.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        args.addAll(List.of("--bind", writable.toString(), writable.toString()));
        args.add("--");
        return args;
    }

    private List<String> base() {
        return new ArrayList<>(List.of(executable.toString(),
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--tmpfs", "/tmp",
                "--unshare-all",
                "--die-with-parent",
                "--new-session"));
    }

    /** Empty when bwrap confines a command here; else why not (no user namespaces, say). */
    Optional<String> probe() {
        List<String> args = base();
        args.addAll(List.of("--", "true"));
        try {
            Process p = new ProcessBuilder(args).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of(executable + " did not start within 10 s");
            }
            if (p.exitValue() == 0) return Optional.empty();
            List<String> lines = Tail.lastLines(new String(out, StandardCharsets.UTF_8), 1);
            return Optional.of(executable + " cannot start here (exit " + p.exitValue()
                    + (lines.isEmpty() ? "" : ": " + lines.get(0)) + ")");
        } catch (IOException e) {
            return Optional.of("cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying " + executable);
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
