package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.internal.adapter.out.script.Durations;
import dev.telec.migrate.internal.adapter.out.script.ProcessStep;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.spi.Migration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code exec: {check: [cmd, arg...], migrate: [cmd, arg...], timeout: 120s}}: a step made of commands
 * shipped elsewhere (the app's own binary). A relative command is looked for in the entry's directory, then
 * on {@code PATH}; a command inside the manifest tree is refused from a group- or world-writable directory.
 */
final class ExecEntryKind implements EntryKind {

    private static final Set<String> KEYS = Set.of("check", "migrate", "timeout");

    private final ScriptHost host;

    ExecEntryKind(ScriptHost host) {
        this.host = host;
    }

    @Override
    public String field() {
        return "exec";
    }

    @Override
    public Migration create(EntryDocument document) {
        JsonNode exec = document.fields().get(field());
        if (!exec.isObject()) {
            throw document.error("exec must be a mapping with check: and migrate: commands, got " + Messages.kindOf(exec));
        }
        for (Iterator<String> it = exec.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw document.error("unknown key 'exec." + key + "' (known keys: check, migrate, timeout)");
            }
        }
        Path entry = document.location().file();
        if (entry == null) {
            throw document.error("exec: entries run only from a manifest directory on disk");
        }
        Scripts.requireOnDisk(document.location(), entry);
        Set<Path> files = new LinkedHashSet<>(List.of(entry));
        List<String> check = command(document, exec, "check", files);
        List<String> migrate = command(document, exec, "migrate", files);
        Optional<Duration> timeout = Optional.empty();
        JsonNode limit = exec.get("timeout");
        if (limit != null) {
            if (!limit.isTextual()) {
                throw document.error("exec.timeout must be a duration like 120s or 2m, got " + Messages.kindOf(limit));
            }
            try {
                timeout = Optional.of(Durations.parse(limit.asText()));
            } catch (IllegalArgumentException e) {
                throw document.error("exec.timeout: " + e.getMessage(), e);
            }
        }
        Scripts.requireConfinementWhenRequired(document.location(), host);
        return ProcessStep.exec(new ArrayList<>(files), check, migrate, timeout, document.origin().root(), host);
    }

    private List<String> command(EntryDocument document, JsonNode exec, String key, Set<Path> files) {
        JsonNode value = exec.get(key);
        if (value == null) {
            throw document.error("exec needs a " + key + ": command, a list like [myapp, config, " + key + "]");
        }
        if (!value.isArray() || value.isEmpty()) {
            throw document.error("exec." + key + " must be a non-empty list of strings (the command and its arguments), got "
                    + Messages.kindOf(value));
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : value) {
            if (!arg.isTextual() && !arg.isNumber() && !arg.isBoolean()) {
                throw document.error("exec." + key + " must be a list of strings, got " + Messages.kindOf(arg) + " in it");
            }
            argv.add(arg.asText());
        }
        if (argv.get(0).isBlank()) {
            throw document.error("exec." + key + " names no command");
        }
        argv.set(0, locate(document, key, argv.get(0), files));
        return argv;
    }

    /** The command's absolute path: as given, in the entry's directory, or on PATH. */
    private String locate(EntryDocument document, String key, String command, Set<Path> files) {
        Path dir = document.location().file().toAbsolutePath().getParent();
        Path candidate;
        if (command.startsWith("/")) {
            candidate = Path.of(command);
        } else {
            candidate = dir.resolve(command).normalize();
            if (!command.contains("/") && !Files.exists(candidate)) {
                Optional<Path> found = onPath(command);
                if (found.isEmpty()) {
                    throw document.error("exec." + key + ": command '" + command + "' is neither in " + dir + " nor on PATH");
                }
                return found.get().toString();
            }
        }
        if (!Files.isRegularFile(candidate)) {
            throw document.error("exec." + key + ": command " + candidate + " does not exist or is not a file");
        }
        if (!Files.isExecutable(candidate)) {
            throw document.error("exec." + key + ": command " + candidate + " is not executable; chmod +x it");
        }
        Scripts.Origin origin = document.origin();
        Path root = origin.root().toAbsolutePath().normalize();
        if (candidate.startsWith(root)) {
            files.add(candidate);
            if (origin.checkTrust()) Scripts.requireTrusted(candidate, root);
        }
        return candidate.toString();
    }

    private Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
