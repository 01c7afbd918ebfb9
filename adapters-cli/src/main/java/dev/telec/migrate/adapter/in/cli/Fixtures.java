package dev.telec.migrate.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.telec.migrate.application.TelecException;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs {@code telec test}'s checks on one fixture: a folder with {@code before/} (a home), {@code after/}
 * (the home expected after the run) and optionally {@code fixture.yaml} ({@code from:}, {@code to:},
 * {@code expect: success | failure}). On a private copy of {@code before/}: the dry-run's predicted changes
 * equal what the real run then changes; the real run leaves exactly {@code after/} (telec's own files left
 * out); a second run applies nothing and changes no byte; {@code before/} itself is never touched.
 */
final class Fixtures {

    /** What telec itself keeps in a home: never part of a fixture's comparison. */
    static boolean isTelecsOwn(String relative) {
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        return top.equals("migration_state.json") || top.equals("migration_state.journal") || top.equals(".migration.lock")
                || top.equals(".telec") || (top.startsWith(".migration_state.json.") && top.endsWith(".tmp"));
    }

    /** A fixture's result: its name and what failed (empty when it passed), each failure with its details. */
    record Outcome(String name, List<Failure> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    /** One check that failed: one line, and the details (a unified diff, a list of paths), possibly empty. */
    record Failure(String message, String details) {
    }

    private final MigrateUseCase migrator;
    private final Path migrations;

    Fixtures(MigrateUseCase migrator, Path migrations) {
        this.migrator = migrator;
        this.migrations = migrations;
    }

    /** The fixture folders under {@code root}, in name order. */
    static List<Path> list(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new TelecException(root, "cannot list the fixtures: " + e.getMessage(), e);
        }
    }

    Outcome run(Path fixture, Path work) {
        String name = fixture.getFileName().toString();
        List<Failure> failures = new ArrayList<>();
        Path before = fixture.resolve("before");
        Path after = fixture.resolve("after");
        if (!Files.isDirectory(before)) {
            return new Outcome(name, List.of(new Failure("no before/ folder (the home to start from)", "")));
        }
        Settings settings;
        try {
            settings = Settings.read(fixture.resolve("fixture.yaml"));
        } catch (IllegalArgumentException e) {
            return new Outcome(name, List.of(new Failure(e.getMessage(), "")));
        }
        if (!Files.isDirectory(after) && settings.expectSuccess()) {
            return new Outcome(name, List.of(new Failure("no after/ folder (the home expected after the run)", "")));
        }
        Map<String, Content> original = Tree.read(before, false);
        Path home = work.resolve(name).resolve("home");
        Tree.copy(before, home);

        MigrateCommand command = settings.apply(migrations == null ? MigrateCommand.of(home) : MigrateCommand.of(home).migrations(migrations));
        try {
            check(before, original, home, after, command, settings, failures);
        } catch (TelecException e) {
            // this fixture's home cannot be migrated at all (a corrupt state in before/, say): its failure, not the run's
            failures.add(new Failure("the run could not start: " + TelecException.oneLine(e.getMessage()), ""));
        }
        return new Outcome(name, failures);
    }

    private void check(Path before, Map<String, Content> original, Path home, Path after, MigrateCommand command,
                       Settings settings, List<Failure> failures) {
        MigrationReport predicted = migrator.migrate(command.dryRun(true).dryRunOptions(DryRunOptions.DEFAULT.diffs(false)));
        MigrationReport real = migrator.migrate(command);

        if (real.succeeded() != settings.expectSuccess()) {
            failures.add(new Failure(settings.expectSuccess() ? "the run failed: " + real.error().orElse("")
                    : "the run succeeded, but fixture.yaml expects it to fail", ""));
        }
        Map<String, Content> result = Tree.read(home, true);
        if (Files.isDirectory(after)) {
            String diff = Tree.diff(Tree.read(after, true), result);
            if (!diff.isEmpty()) failures.add(new Failure("the home after the run differs from after/", diff));
        }
        if (!predicted.simulated()) {
            failures.add(new Failure("the dry-run was not simulated: " + predicted.notice().orElse(""), ""));
        } else {
            Set<String> foretold = Tree.netChanges(predicted, Tree.read(before, true));
            Set<String> happened = Tree.changed(Tree.read(before, true), result);
            if (!foretold.equals(happened)) {
                failures.add(new Failure("the dry-run's predicted changes differ from the real run's",
                        Tree.setDifference("predicted, did not happen", foretold, happened)
                                + Tree.setDifference("happened, not predicted", happened, foretold)));
            }
            if (predicted.succeeded() != real.succeeded()) {
                failures.add(new Failure("the dry-run " + (predicted.succeeded() ? "succeeded" : "failed") + " but the run "
                        + (real.succeeded() ? "succeeded" : "failed"), ""));
            }
        }
        if (real.succeeded()) {
            Map<String, Content> once = Tree.read(home, false);
            MigrationReport again = migrator.migrate(command);
            List<String> applied = again.steps().stream().filter(s -> s.outcome().isApply()).map(s -> s.id().toString()).toList();
            if (!again.succeeded()) failures.add(new Failure("a second run failed: " + again.error().orElse(""), ""));
            if (!applied.isEmpty()) failures.add(new Failure("a second run applied " + String.join(", ", applied)
                    + " again: check() does not see what migrate() did", ""));
            String diff = Tree.diff(once, Tree.read(home, false));
            if (!diff.isEmpty()) failures.add(new Failure("a second run changed the home: the steps are not idempotent", diff));
            rerunAsIfTheStateWereLost(before, home, command, failures);
        }
        if (!Tree.read(before, false).equals(original)) {
            failures.add(new Failure("before/ was changed: a step escaped the home it was given", ""));
        }
    }

    /**
     * The second run above skips every step because the state records it; this one asks every step's check()
     * on the result, at another path, with before/'s own state (as if the state had been lost or the home
     * restored from a backup): each must find its change there, and nothing may change.
     */
    private void rerunAsIfTheStateWereLost(Path before, Path home, MigrateCommand command, List<Failure> failures) {
        Path again = home.resolveSibling("again");
        Tree.copy(home, again);
        Tree.removeTelecsOwn(again);
        for (Map.Entry<String, Content> e : Tree.read(before, false).entrySet()) {
            if (isTelecsOwn(e.getKey()) && !e.getValue().directory()) Tree.write(again.resolve(e.getKey()), e.getValue().bytes());
        }
        Map<String, Content> result = Tree.read(again, true);
        MigrationReport report = migrator.migrate(command.home(again));
        List<String> applied = report.steps().stream().filter(s -> s.outcome().isApply() || s.outcome() == StepOutcome.FAILED)
                .map(s -> s.id() + (s.outcome() == StepOutcome.FAILED ? " (failed: " + s.error().orElse("") + ")" : "")).toList();
        if (!applied.isEmpty()) {
            failures.add(new Failure("run again on the result without its state, " + String.join(", ", applied)
                    + " did not find its change there: check() does not look at what migrate() did", ""));
        }
        String diff = Tree.diff(result, Tree.read(again, true));
        if (!diff.isEmpty()) failures.add(new Failure("run again on the result without its state, the steps changed it: they are not idempotent", diff));
    }

    /** fixture.yaml: the range to run and whether the run is expected to succeed. */
    record Settings(Optional<Version> from, Optional<Version> to, boolean expectSuccess) {
        static final Set<String> FIELDS = Set.of("from", "to", "expect");

        static Settings read(Path file) {
            if (!Files.exists(file)) return new Settings(Optional.empty(), Optional.empty(), true);
            JsonNode doc;
            try {
                doc = new YAMLMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": not valid YAML: " + TelecException.oneLine(e.getMessage()));
            }
            if (doc == null || doc.isNull() || doc.isMissingNode()) return new Settings(Optional.empty(), Optional.empty(), true);
            if (!doc.isObject()) throw new IllegalArgumentException(file + ": must be a mapping of from:, to:, expect:");
            for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) throw new IllegalArgumentException(file + ": unknown key '" + field + "' (known: expect, from, to)");
            }
            String expect = doc.path("expect").asText("success");
            if (!expect.equals("success") && !expect.equals("failure")) {
                throw new IllegalArgumentException(file + ": expect must be success or failure, got '" + expect + "'");
            }
            try {
                return new Settings(version(doc, "from"), version(doc, "to"), expect.equals("success"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }

        private static Optional<Version> version(JsonNode doc, String field) {
            return doc.has(field) ? Optional.of(Version.parse(doc.get(field).asText())) : Optional.empty();
        }

        MigrateCommand apply(MigrateCommand command) {
            MigrateCommand c = command;
            if (from.isPresent()) c = c.from(from.get());
            if (to.isPresent()) c = c.to(to.get());
            return c;
        }
    }

    /** A file's bytes, or a directory (null bytes), or a symbolic link (its target as bytes). */
    record Content(byte[] bytes, boolean directory) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.directory == directory && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(directory);
        }
    }

    /** Trees as maps from {@code /}-separated relative paths (directories end with {@code /}) to content. */
    static final class Tree {
        private Tree() {
        }

        static Map<String, Content> read(Path root, boolean withoutTelecsOwn) {
            Map<String, Content> tree = new TreeMap<>();
            if (!Files.exists(root)) return tree;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.equals(root)) continue;
                    String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    if (withoutTelecsOwn && isTelecsOwn(relative)) continue;
                    if (Files.isSymbolicLink(p)) {
                        tree.put(relative, new Content(("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8), false));
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        tree.put(relative + "/", new Content(null, true));
                    } else {
                        tree.put(relative, new Content(Files.readAllBytes(p), false));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tree;
        }

        static void removeTelecsOwn(Path root) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    if (!p.equals(root) && isTelecsOwn(relative)) Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void write(Path file, byte[] bytes) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void copy(Path from, Path to) {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isSymbolicLink(p)) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                    } else if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A unified diff of every difference, {@code expected} as a/, {@code actual} as b/; empty when equal. */
        static String diff(Map<String, Content> expected, Map<String, Content> actual) {
            StringBuilder out = new StringBuilder();
            Set<String> paths = new TreeSet<>(expected.keySet());
            paths.addAll(actual.keySet());
            for (String path : paths) {
                Content a = expected.get(path);
                Content b = actual.get(path);
                if (a != null && a.equals(b)) continue;
                if (a != null && a.directory || b != null && b.directory) {
                    out.append(a == null ? "only in the result: " : b == null ? "missing from the result: " : "differs: ")
                            .append(path).append('\n');
                    continue;
                }
                Optional<List<String>> from = a == null ? Optional.of(List.of()) : lines(a.bytes);
                Optional<List<String>> to = b == null ? Optional.of(List.of()) : lines(b.bytes);
                if (from.isEmpty() || to.isEmpty()) {
                    out.append("binary files differ: ").append(path).append('\n');
                    continue;
                }
                String fromName = a == null ? "/dev/null" : "a/" + path;
                String toName = b == null ? "/dev/null" : "b/" + path;
                List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, from.get(),
                        DiffUtils.diff(from.get(), to.get()), 3);
                if (unified.isEmpty()) { // same lines, other bytes: a final newline, line endings
                    out.append("--- ").append(fromName).append("\n+++ ").append(toName)
                            .append("\n(the same lines; they differ in line endings or the final newline)\n");
                }
                for (String line : unified) out.append(line).append('\n');
            }
            return out.toString();
        }

        private static Optional<List<String>> lines(byte[] bytes) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                if (text.indexOf('\0') >= 0) return Optional.empty();
                return Optional.of(Arrays.asList(text.split("\n", -1)));
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }

        /** The paths that differ between two trees (created, deleted or with other content). */
        static Set<String> changed(Map<String, Content> before, Map<String, Content> after) {
            Set<String> changed = new TreeSet<>();
            for (Map.Entry<String, Content> e : before.entrySet()) {
                if (!e.getValue().equals(after.get(e.getKey()))) changed.add(e.getKey());
            }
            for (String path : after.keySet()) {
                if (!before.containsKey(path)) changed.add(path);
            }
            return changed;
        }

        /**
         * The paths a dry-run says end up different from {@code before}: each step's changes replayed over what
         * exists (a moved directory moves all it holds), then compared with what existed at the start.
         */
        static Set<String> netChanges(MigrationReport report, Map<String, Content> before) {
            Map<String, Boolean> exists = new TreeMap<>(); // path -> exists now; absent key: as before
            Set<String> touched = new TreeSet<>();
            for (StepResult step : report.steps()) {
                for (Change change : step.changes()) {
                    String path = change.path();
                    switch (change.kind()) {
                        case CREATED -> set(exists, touched, path, true);
                        case MODIFIED -> touched.add(path);
                        case DELETED -> {
                            for (String p : under(path, before, exists)) set(exists, touched, p, false);
                        }
                        case MOVED -> {
                            String to = change.to().orElseThrow();
                            for (String p : under(path, before, exists)) {
                                set(exists, touched, p, false);
                                set(exists, touched, to + p.substring(path.length()), true);
                            }
                            set(exists, touched, to, true);
                        }
                    }
                }
            }
            Set<String> net = new TreeSet<>();
            for (String path : touched) {
                boolean was = before.containsKey(path);
                boolean is = exists.getOrDefault(path, was);
                if (was != is || (is && !path.endsWith("/"))) net.add(path);
            }
            return net;
        }

        /** {@code path} and, for a directory, everything under it that exists now. */
        private static List<String> under(String path, Map<String, Content> before, Map<String, Boolean> exists) {
            List<String> paths = new ArrayList<>();
            paths.add(path);
            if (!path.endsWith("/")) return paths;
            Set<String> known = new TreeSet<>(before.keySet());
            known.addAll(exists.keySet());
            for (String p : known) {
                if (p.startsWith(path) && !p.equals(path) && exists.getOrDefault(p, before.containsKey(p))) paths.add(p);
            }
            return paths;
        }

        private static void set(Map<String, Boolean> exists, Set<String> touched, String path, boolean value) {
            exists.put(path, value);
            touched.add(path);
        }

        static String setDifference(String label, Set<String> a, Set<String> b) {
            StringBuilder out = new StringBuilder();
            for (String p : a) {
                if (!b.contains(p)) out.append(label).append(": ").append(p).append('\n');
            }
            return out.toString();
        }
    }
}
