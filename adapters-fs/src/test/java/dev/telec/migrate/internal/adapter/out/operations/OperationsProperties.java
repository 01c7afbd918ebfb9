package dev.telec.migrate.internal.adapter.out.operations;

import static dev.telec.migrate.internal.adapter.out.operations.Steps.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For every operation, on random homes: applying the step twice equals applying it once, check() holds
 * after migrate(), and files the operation does not name stay byte-identical. A conflict writes nothing.
 */
class OperationsProperties {

    /** Each operation, with the paths it may touch (prefixes); everything else must stay as it was. */
    record Case(String yaml, List<String> touches) {
        @Override
        public String toString() {
            return yaml;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("- {op: mkdir, path: d/new}", List.of("d")),
            new Case("- {op: move, from: d, to: moved/d}", List.of("d", "moved")),
            new Case("- {op: move, from: 'todos/*/state.json', to: 'todos/{1}/old.json'}", List.of("todos")),
            new Case("- {op: copy, from: a.json, to: copies/a.json}", List.of("copies")),
            new Case("- {op: delete, path: 'todos/*/state.json'}", List.of("todos")),
            new Case("- {op: write, path: d/w.txt, content: hi}", List.of("d")),
            new Case("- {op: set, file: a.json, pointer: /k/x, value: 7}", List.of("a.json")),
            new Case("- {op: set, file: b.yaml, pointer: /k/x, value: [1, two]}", List.of("b.yaml")),
            new Case("- {op: default, file: a.json, pointer: /legacy, value: 3}", List.of("a.json")),
            new Case("- {op: default, file: b.yaml, pointer: /n/m, value: {p: 1}}", List.of("b.yaml")),
            new Case("- {op: remove, file: b.yaml, pointer: /k}", List.of("b.yaml")),
            new Case("- {op: remove, file: a.json, pointer: /k/x}", List.of("a.json")),
            new Case("- {op: rename_key, file: a.json, from: /legacy, to: /k/modern}", List.of("a.json")),
            new Case("- {op: rename_key, file: b.yaml, from: /legacy, to: /modern}", List.of("b.yaml")),
            new Case("- {op: convert, from: 'todos/*/state.json', to: 'todos/{1}/state.yaml'}", List.of("todos")),
            new Case("- {op: convert, from: b.yaml, to: b.json}", List.of("b.yaml", "b.json")));

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(CASES);
    }

    private static Arbitrary<String> value() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 3).map(String::valueOf),
                Arbitraries.of("\"s\"", "true", "null", "{\"x\": 7}", "{\"y\": 1}", "[1]"));
    }

    private static Arbitrary<String> jsonObject() {
        return Combinators.combine(Arbitraries.subsetOf("k", "legacy", "modern", "z"), value().list().ofSize(4)).as((keys, values) -> {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (String key : new java.util.TreeSet<>(keys)) sb.append(i > 0 ? ", " : "").append('"').append(key).append("\": ").append(values.get(i++));
            return sb.append("}").toString();
        });
    }

    private static Arbitrary<String> yamlObject() {
        return Combinators.combine(Arbitraries.subsetOf("k", "legacy", "modern", "z"), value().list().ofSize(4)).as((keys, values) -> {
            StringBuilder sb = new StringBuilder("# a home file\n\n");
            int i = 0;
            for (String key : new java.util.TreeSet<>(keys)) sb.append("# about ").append(key).append('\n').append(key).append(": ").append(values.get(i++)).append('\n');
            return sb.toString();
        });
    }

    /** A home as relative path → content, "/" for a directory. */
    @Provide
    Arbitrary<Map<String, String>> homes() {
        Arbitrary<Map<String, String>> optionalFiles = Combinators.combine(
                jsonObject().injectNull(0.3), yamlObject().injectNull(0.3), jsonObject().injectNull(0.5), jsonObject().injectNull(0.5),
                Arbitraries.of("/", "file", "") , Arbitraries.of("", "/", "x")).as((a, b, t1, t2, d, moved) -> {
                    Map<String, String> home = new TreeMap<>();
                    if (a != null) home.put("a.json", a);
                    if (b != null) home.put("b.yaml", b);
                    if (t1 != null) home.put("todos/one/state.json", t1);
                    if (t2 != null) home.put("todos/two/state.json", t2);
                    if (t1 != null && t2 != null) home.put("todos/two/state.yaml", "k: 1\n");
                    if (d.equals("/")) home.put("d/inner.txt", "inner");
                    else if (!d.isEmpty()) home.put("d", d);
                    if (moved.equals("/")) home.put("moved/d/x", "x");
                    else if (!moved.isEmpty()) home.put("copies/a.json", "{}");
                    home.put("unrelated.txt", "keep me");
                    home.put("people/alice/teleclaude.yml", "# hand edited\nname: Alice\n");
                    return home;
                });
        return optionalFiles;
    }

    @Property(tries = 150)
    void applyingTwiceEqualsApplyingOnceAndCheckHoldsAfter(@ForAll("cases") Case c, @ForAll("homes") Map<String, String> files) throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path home = fs.getPath("/home");
            Files.createDirectories(home);
            for (Map.Entry<String, String> f : files.entrySet()) Steps.write(home, f.getKey(), f.getValue());
            Map<String, String> before = snapshot(home);
            DeclarativeStep step = Steps.of(c.yaml());
            try {
                step.migrate(context(home));
            } catch (OperationFailure conflict) {
                assertThat(snapshot(home)).as("a conflict writes nothing").isEqualTo(before);
                return;
            }
            assertThat(step.check(context(home))).as("check after migrate").isTrue();
            Map<String, String> once = snapshot(home);
            step.migrate(context(home));
            assertThat(snapshot(home)).as("twice equals once").isEqualTo(once);

            before.keySet().removeIf(p -> c.touches().stream().anyMatch(t -> p.equals(t) || p.startsWith(t + "/")));
            once.keySet().removeIf(p -> c.touches().stream().anyMatch(t -> p.equals(t) || p.startsWith(t + "/")));
            assertThat(once).as("untouched files are byte-identical").isEqualTo(before);
        }
    }

    private static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (p.equals(home)) continue;
                String rel = home.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "/" : new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
