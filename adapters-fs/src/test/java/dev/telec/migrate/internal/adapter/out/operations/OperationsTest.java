package dev.telec.migrate.internal.adapter.out.operations;

import static dev.telec.migrate.internal.adapter.out.operations.Steps.context;
import static dev.telec.migrate.internal.adapter.out.operations.Steps.read;
import static dev.telec.migrate.internal.adapter.out.operations.Steps.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One example per operation, with its conflicts, and the confinement rules. */
class OperationsTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "posix").build());
    private final Path home = fs.getPath("/home");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private boolean run(String operations) throws Exception {
        DeclarativeStep step = Steps.of(operations);
        step.migrate(context(home));
        return step.check(context(home));
    }

    private boolean check(String operations) throws Exception {
        return Steps.of(operations).check(context(home));
    }

    @Test
    void mkdirCreatesTheDirectoryAndItsParents() throws Exception {
        Files.createDirectories(home);
        String op = "- {op: mkdir, path: logs/archive}";
        assertThat(check(op)).isFalse();
        assertThat(run(op)).isTrue();
        assertThat(Files.isDirectory(home.resolve("logs/archive"))).isTrue();
    }

    @Test
    void mkdirOverAFileIsAConflict() {
        write(home, "logs", "x");
        assertThatThrownBy(() -> run("- {op: mkdir, path: logs}"))
                .isInstanceOf(OperationFailure.class).hasMessage("mkdir (operation 1): logs exists and is not a directory");
    }

    @Test
    void moveMovesADirectoryAndRefusesWhenBothExist() throws Exception {
        write(home, "sessions/a.json", "{}");
        assertThat(run("- {op: move, from: sessions, to: state/sessions}")).isTrue();
        assertThat(read(home, "state/sessions/a.json")).isEqualTo("{}");
        assertThat(Files.exists(home.resolve("sessions"))).isFalse();

        write(home, "sessions/b.json", "{}");
        assertThatThrownBy(() -> run("- {op: move, from: sessions, to: state/sessions}"))
                .isInstanceOf(OperationFailure.class)
                .hasMessageContaining("both sessions and state/sessions exist");
        assertThat(read(home, "sessions/b.json")).isEqualTo("{}");
    }

    @Test
    void moveWithAGlobUsesTheCaptures() throws Exception {
        write(home, "todos/a/state.json", "1");
        write(home, "todos/b/state.json", "2");
        run("- {op: move, from: todos/*/state.json, to: 'archive/{1}.json'}");
        assertThat(read(home, "archive/a.json")).isEqualTo("1");
        assertThat(read(home, "archive/b.json")).isEqualTo("2");
    }

    @Test
    void copyCopiesOnceAndNeverOverwrites() throws Exception {
        write(home, "config.json", "{\"a\": 1}");
        assertThat(run("- {op: copy, from: config.json, to: backup/config.json}")).isTrue();
        assertThat(read(home, "backup/config.json")).isEqualTo("{\"a\": 1}");
        write(home, "config.json", "{\"a\": 2}");
        assertThat(check("- {op: copy, from: config.json, to: backup/config.json}")).isTrue();
        assertThat(read(home, "backup/config.json")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void deleteRemovesFilesAndTrees() throws Exception {
        write(home, "cache/x/y", "1");
        write(home, "old.txt", "1");
        assertThat(run("- {op: delete, path: cache}\n- {op: delete, path: '*.txt'}")).isTrue();
        assertThat(Files.exists(home.resolve("cache"))).isFalse();
        assertThat(Files.exists(home.resolve("old.txt"))).isFalse();
    }

    @Test
    void writeCreatesOrReplacesATextFile() throws Exception {
        write(home, "motd", "old");
        assertThat(run("- {op: write, path: motd, content: \"hello\\n\"}")).isTrue();
        assertThat(read(home, "motd")).isEqualTo("hello\n");
    }

    @Test
    void setReplacesInPlaceAndKeepsKeyOrderAndPermissions() throws Exception {
        Path config = write(home, "config.json", "{\"a\": 1, \"b\": {\"c\": 2}, \"d\": 3}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(run("- {op: set, file: config.json, pointer: /b/c, value: [1, 2]}")).isTrue();
        assertThat(read(home, "config.json")).isEqualTo("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [\n      1,\n      2\n    ]\n  },\n  \"d\": 3\n}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");
    }

    @Test
    void setThroughANonObjectIsAConflictAndWritesNothing() {
        write(home, "config.json", "{\"a\": 1}");
        assertThatThrownBy(() -> run("- {op: set, file: config.json, pointer: /a/b, value: 2}"))
                .isInstanceOf(OperationFailure.class)
                .hasMessage("set (operation 1): /a is a number, not a mapping (pointer /a/b) in config.json");
        assertThat(read(home, "config.json")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void defaultAddsOnlyWhenAbsentAndCreatesTheFile() throws Exception {
        write(home, "config.json", "{\"updates\": {\"channel\": \"beta\"}}");
        assertThat(run("- {op: default, file: config.json, pointer: /updates/channel, value: stable}")).isTrue();
        assertThat(read(home, "config.json")).isEqualTo("{\"updates\": {\"channel\": \"beta\"}}");
        assertThat(run("- {op: default, file: other.toml, pointer: /updates/channel, value: stable}")).isTrue();
        assertThat(read(home, "other.toml")).contains("channel = 'stable'");
    }

    @Test
    void removeRemovesTheKey() throws Exception {
        write(home, "app.properties", "a.b=1\nc=2\n");
        assertThat(run("- {op: remove, file: app.properties, pointer: /a/b}")).isTrue();
        assertThat(read(home, "app.properties")).isEqualTo("c=2\n");
    }

    @Test
    void renameKeyKeepsThePositionAndRefusesDifferentValues() throws Exception {
        write(home, "config.json", "{\"x\": 0, \"legacy\": true, \"y\": 1}");
        assertThat(run("- {op: rename_key, file: config.json, from: /legacy, to: /modern}")).isTrue();
        assertThat(read(home, "config.json")).isEqualTo("{\n  \"x\": 0,\n  \"modern\": true,\n  \"y\": 1\n}\n");

        write(home, "c2.json", "{\"legacy\": true, \"modern\": false}");
        assertThatThrownBy(() -> run("- {op: rename_key, file: c2.json, from: /legacy, to: /modern}"))
                .isInstanceOf(OperationFailure.class)
                .hasMessage("rename_key (operation 1): c2.json has both /legacy (true) and /modern (false) with different values; keep one of them by hand");

        write(home, "c3.json", "{\"legacy\": 1, \"modern\": 1.0}");
        assertThat(run("- {op: rename_key, file: c3.json, from: /legacy, to: /modern}")).isTrue();
        assertThat(read(home, "c3.json")).isEqualTo("{\n  \"modern\": 1.0\n}\n");
    }

    @Test
    void convertRewritesEachMatchInTheOtherFormatAndRemovesTheSource() throws Exception {
        write(home, "todos/a/state.json", "{\"phase\": \"build\", \"n\": 2, \"r\": null, \"items\": [{\"t\": \"yes\"}]}");
        assertThat(run("- {op: convert, from: todos/*/state.json, to: 'todos/{1}/state.yaml'}")).isTrue();
        assertThat(Files.exists(home.resolve("todos/a/state.json"))).isFalse();
        assertThat(read(home, "todos/a/state.yaml")).isEqualTo("phase: build\nn: 2\nr: null\nitems:\n  - t: 'yes'\n");
    }

    @Test
    void convertRefusesATargetWithOtherData() {
        write(home, "state.json", "{\"a\": 1}");
        write(home, "state.yaml", "a: 2\n");
        assertThatThrownBy(() -> run("- {op: convert, from: state.json, to: state.yaml}"))
                .isInstanceOf(OperationFailure.class).hasMessageContaining("hold different data");
        assertThat(read(home, "state.json")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aMalformedDocumentFailsNamingTheFile() {
        write(home, "config.json", "{\"a\": ");
        assertThatThrownBy(() -> run("- {op: set, file: config.json, pointer: /a, value: 1}"))
                .isInstanceOf(OperationFailure.class).hasMessageStartingWith("set (operation 1): config.json: not valid json: ");
    }

    @Test
    void malformedOperationsAreRefusedWhenParsedNamingTheIndex() {
        assertThatThrownBy(() -> Steps.of("- {op: set, file: c.json, pointer: a, value: 1}"))
                .isInstanceOf(InvalidOperationException.class)
                .hasMessage("set (operation 1): pointer 'a' is not a JSON Pointer (RFC 6901, e.g. /updates/channel)");
        assertThatThrownBy(() -> Steps.of("- {op: set, file: c.ini, pointer: /a, value: 1}"))
                .hasMessage("set (operation 1): file 'c.ini' has no known extension (.json, .yaml, .yml, .toml, .properties); add format:");
        assertThatThrownBy(() -> Steps.of("- {op: mkdir, path: a}\n- {op: move, from: 'x/*', to: 'y/{2}'}"))
                .hasMessage("move (operation 2): to 'y/{2}' refers to {2} but 'x/*' has 1 wildcard");
        assertThatThrownBy(() -> Steps.of("- {op: copy, from: a/../../etc, to: b}"))
                .hasMessage("copy (operation 1): from 'a/../../etc' has a '..' segment; paths must stay inside the home");
        assertThatThrownBy(() -> Steps.of("- {op: write, path: x}"))
                .hasMessage("write (operation 1): missing field 'content'");
    }

    @Test
    void aSymlinkLeadingOutsideTheHomeIsRefusedBeforeWriting() throws Exception {
        Files.createDirectories(home);
        Files.createDirectories(fs.getPath("/outside"));
        Files.createSymbolicLink(home.resolve("link"), fs.getPath("/outside"));
        assertThatThrownBy(() -> run("- {op: write, path: link/x.txt, content: hi}"))
                .isInstanceOf(OperationFailure.class)
                .hasMessage("write (operation 1): link/x.txt leads outside the home (to /outside) through a symbolic link; refused");
        assertThatThrownBy(() -> run("- {op: mkdir, path: link/sub/dir}")).isInstanceOf(OperationFailure.class);
        assertThat(Files.exists(fs.getPath("/outside/x.txt"))).isFalse();
        assertThat(Files.exists(fs.getPath("/outside/sub"))).isFalse();
    }

    @Test
    void aSymlinkInsideTheHomeIsFollowed() throws Exception {
        Files.createDirectories(home.resolve("real"));
        Files.createSymbolicLink(home.resolve("link"), home.resolve("real"));
        assertThat(run("- {op: write, path: link/x.txt, content: hi}")).isTrue();
        assertThat(read(home, "real/x.txt")).isEqualTo("hi");
    }

    @Test
    void aConflictInAnyMatchedDocumentIsFoundBeforeAnyIsWritten() throws Exception {
        write(home, "people/a/t.yml", "notifications:\n  chat: 1\n");
        write(home, "people/b/t.yml", "notifications:\n  chat: 2\ncreds:\n  chat: 3\n");
        String op = "- {op: rename_key, file: people/*/t.yml, from: /notifications/chat, to: /creds/chat}";

        assertThatThrownBy(() -> run(op)).isInstanceOf(OperationFailure.class).hasMessageContaining("people/b/t.yml");

        assertThat(read(home, "people/a/t.yml")).isEqualTo("notifications:\n  chat: 1\n");
    }

    @Test
    void aPointerThroughAScalarInALaterMatchLeavesEarlierMatchesUnwritten() throws Exception {
        write(home, "c/a.json", "{\"updates\": {}}\n");
        write(home, "c/b.json", "{\"updates\": \"daily\"}\n");
        String op = "- {op: set, file: c/*.json, pointer: /updates/channel, value: stable}";

        assertThatThrownBy(() -> run(op)).isInstanceOf(OperationFailure.class);

        assertThat(read(home, "c/a.json")).isEqualTo("{\"updates\": {}}\n");
    }
}
