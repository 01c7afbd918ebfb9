package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** telec new: scaffolds with the next free number, never overwriting, never valid until filled in. */
class NewTest {

    @TempDir
    Path tmp;
    Path tree;

    @BeforeEach
    void tree() throws IOException {
        tree = tmp.resolve("manifest");
        Files.createDirectories(tree.resolve("v1.1.0"));
        Files.writeString(tree.resolve("v1.1.0/001_first.yaml"), "operations:\n  - {op: mkdir, path: logs}\n");
        Files.writeString(tree.resolve("v1.1.0/007_seventh.yaml"), "operations:\n  - {op: mkdir, path: state}\n");
    }

    Result telec(String... args) {
        return CliRun.telec(Map.of(), tmp.resolve("user"), args);
    }

    Result create(String... extra) {
        return telec(Stream.concat(Stream.of("new", "--migrations", tree.toString()), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void aNewVersionStartsAt001AndTheDescriptionIsNormalised() throws IOException {
        Result r = create("Rename the Setting!", "--version", "1.3.0");

        Path entry = tree.resolve("v1.3.0/001_rename_the_setting.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo(entry.toString());
        assertThat(Files.readString(entry)).contains("todo:", "operations:", "op: rename_key", "op: convert");
    }

    @Test
    void anExistingVersionGetsTheNumberAfterItsHighest() {
        Result r = create("add", "cache", "--version", "1.1.0");

        assertThat(r.code()).isZero();
        assertThat(tree.resolve("v1.1.0/008_add_cache.yaml")).exists();
    }

    @Test
    void anUnfilledScaffoldIsRefusedByMigrateSayingWhatToFillIn() throws IOException {
        create("rename setting", "--version", "1.3.0");
        Path home = Files.createDirectories(tmp.resolve("home"));

        Result r = telec("migrate", "--home", home.toString(), "--create-home", "--migrations", tree.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("001_rename_setting.yaml").contains("not finished: write the operations of 1.3.0/001_rename_setting")
                .contains("delete the todo: line");
        assertThat(home.resolve("migration_state.json")).doesNotExist();
    }

    @Test
    void aFilledInScaffoldRuns() throws IOException {
        create("make logs", "--version", "1.3.0");
        Path entry = tree.resolve("v1.3.0/001_make_logs.yaml");
        String filled = Files.readString(entry).replaceAll("(?m)^todo:.*\\n", "")
                .replace("  # - {op: mkdir, path: state/sessions}", "  - {op: mkdir, path: state/sessions}");
        Files.writeString(entry, filled);
        Path home = Files.createDirectories(tmp.resolve("home"));

        Result r = telec("migrate", "--home", home.toString(), "--create-home", "--migrations", tree.toString(), "-q");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(home.resolve("state/sessions")).isDirectory();
    }

    @Test
    void neverOverwrites() throws IOException {
        Path source = tree.resolve("src/com/example/RenameSetting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "// mine");

        Result r = create("rename setting", "--version", "1.3.0", "--java", "com.example.RenameSetting");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(source.toString()).contains("already exists");
        assertThat(Files.readString(source)).isEqualTo("// mine");
    }

    @Test
    void aJavaStepGetsAClassEntryAndASkeletonThatCompilesAgainstTheStepContract() throws IOException {
        Result r = create("rename setting", "--version", "1.3.0", "--java", "com.example.RenameSetting");

        Path entry = tree.resolve("v1.3.0/001_rename_setting.yaml");
        Path source = tree.resolve("src/com/example/RenameSetting.java");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip().lines()).containsExactly(entry.toString(), source.toString());
        assertThat(Files.readString(entry)).contains("class: com.example.RenameSetting", "todo:");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertThat(javac).isZero();
    }

    @Test
    void aScriptStepIsAnExecutableFileOfThatExtension() throws Exception {
        Result r = create("fix perms", "--version", "1.3.0", "--script", "sh");

        Path script = tree.resolve("v1.3.0/001_fix_perms.sh");
        assertThat(r.code()).isZero();
        assertThat(Files.isExecutable(script)).isTrue();
        Process check = new ProcessBuilder(script.toString(), "check").redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        // unfinished: neither true (0) nor false (1), an error that says what is missing
        assertThat(check.waitFor()).isEqualTo(2);
        assertThat(said).contains("1.3.0/001_fix_perms: check is not written yet");

        assertThat(Files.readString(create("py step", "--version", "1.3.0", "--script", "py").out().strip().transform(Path::of)))
                .contains("def check():", "def migrate():", "NotImplementedError");
    }

    @Test
    void usageErrors() {
        assertThat(create("x", "--version", "1.3.0", "--java", "a.B", "--script", "sh").err()).contains("--java and --script");
        assertThat(create("!!!", "--version", "1.3.0").code()).isEqualTo(2);
        assertThat(create("x", "--version", "1.3").code()).isEqualTo(2);
        assertThat(create("x").code()).isEqualTo(2);
        Result notATree = telec("new", "x", "--version", "1.3.0");
        assertThat(notATree.code()).isEqualTo(2);
        assertThat(notATree.err()).contains("not a manifest tree").contains("--migrations");
    }

    @Test
    void jsonNamesTheIdAndTheFiles() throws IOException {
        Result r = create("x", "--version", "1.3.0", "--json");

        var doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("id").asText()).isEqualTo("1.3.0/001_x");
        assertThat(doc.get("created").get(0).asText()).isEqualTo(tree.resolve("v1.3.0/001_x.yaml").toString());
        assertThat(doc.get("error").isNull()).isTrue();
        assertThat(List.of(create("!!!", "--version", "1.3.0", "--json").out().strip().lines().toArray())).hasSize(1);
    }
}
