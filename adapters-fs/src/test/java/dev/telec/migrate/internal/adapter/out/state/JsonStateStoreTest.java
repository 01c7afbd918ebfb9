package dev.telec.migrate.internal.adapter.out.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonStateStoreTest {

    static FileSystem unixFs() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build());
    }

    private final FileSystem fs = unixFs();
    private final Path home = fs.getPath("/srv/app");
    private final Path file = home.resolve("migration_state.json");
    private final JsonStateStore store = new JsonStateStore();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    static final MigrationState SAMPLE = MigrationState.of(
            Set.of("1.2.0/001_move_sessions", "1.1.0/001_rename_feature_toggle"),
            Optional.of(Version.parse("1.2.0")),
            List.of(new HistoryEntry("1.1.0/001_rename_feature_toggle", StepOutcome.APPLIED, Instant.parse("2026-11-23T10:15:02Z")),
                    new HistoryEntry("1.2.0/001_move_sessions", StepOutcome.SKIPPED_CHECK, Instant.parse("2026-11-23T10:15:03Z"))));

    @Test
    void writesPrettyJsonWithKeysInOrderAndATrailingNewline() throws IOException {
        store.save(home, SAMPLE);
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "applied": [
                    "1.1.0/001_rename_feature_toggle",
                    "1.2.0/001_move_sessions"
                  ],
                  "version": "1.2.0",
                  "history": [
                    {
                      "id": "1.1.0/001_rename_feature_toggle",
                      "outcome": "applied",
                      "at": "2026-11-23T10:15:02Z"
                    },
                    {
                      "id": "1.2.0/001_move_sessions",
                      "outcome": "skipped_check",
                      "at": "2026-11-23T10:15:03Z"
                    }
                  ]
                }
                """);
    }

    @Test
    void omitsAnAbsentVersionAndWritesEmptyArraysCompactly() throws IOException {
        store.save(home, MigrationState.EMPTY);
        assertThat(Files.readString(file)).isEqualTo("{\n  \"applied\": [],\n  \"history\": []\n}\n");
        assertThat(store.load(home)).isEqualTo(MigrationState.EMPTY);
    }

    @Test
    void readsBackWhatItWrote() {
        store.save(home, SAMPLE);
        assertThat(new JsonStateStore().load(home)).isEqualTo(SAMPLE);
    }

    @Test
    void readsTheReferenceRunnersFormat() throws IOException {
        Files.createDirectories(home);
        Files.writeString(file, "{\"applied\": [\"1.1.0/001_example.py\"]}");
        MigrationState state = store.load(home);
        assertThat(state.applied()).containsExactly("1.1.0/001_example.py");
        assertThat(state.version()).isEmpty();
        assertThat(state.history()).isEmpty();
        assertThat(state.isApplied(MigrationId.parse("1.1.0/001_example"))).isTrue();
    }

    @Test
    void aMissingHomeOrFileIsTheEmptyState() throws IOException {
        assertThat(store.load(home)).isEqualTo(MigrationState.EMPTY);
        Files.createDirectories(home);
        assertThat(store.load(home)).isEqualTo(MigrationState.EMPTY);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aHomeThatIsARegularFileIsAnErrorNamingIt() throws IOException {
        Files.createDirectories(home.getParent());
        Files.writeString(home, "not a dir");
        assertThatThrownBy(() -> store.load(home)).isInstanceOf(StateException.class)
                .hasMessage("/srv/app: not a directory; a home must be a directory");
        assertThatThrownBy(() -> store.save(home, SAMPLE)).isInstanceOf(StateException.class)
                .hasMessageStartingWith("/srv/app: ");
        assertThat(Files.readString(home)).isEqualTo("not a dir");
    }

    @Test
    void aStateFileThatIsADirectoryIsAnError() throws IOException {
        Files.createDirectories(file);
        assertThatThrownBy(() -> store.load(home)).isInstanceOf(StateException.class)
                .hasMessage("/srv/app/migration_state.json: is a directory, not a state file");
        assertThatThrownBy(() -> store.save(home, SAMPLE)).isInstanceOf(StateException.class)
                .hasMessage("/srv/app/migration_state.json: is a directory, not a state file");
        assertThat(Files.isDirectory(file)).isTrue();
    }

    static Stream<Arguments> corruptFiles() {
        String deep = "[".repeat(500) + "]".repeat(500);
        return Stream.of(
                Arguments.of("not JSON", "hello".getBytes(UTF_8), "invalid JSON at line 1, column 6: Unrecognized token 'hello'"),
                Arguments.of("truncated", "{\"applied\": [\"a\"".getBytes(UTF_8), "invalid JSON"),
                Arguments.of("an error on line 3", "{\n  \"applied\": [],\n  x\n}".getBytes(UTF_8), "invalid JSON at line 3, column 3: "),
                Arguments.of("trailing garbage", "{\"applied\": []} {}".getBytes(UTF_8), "invalid JSON at line 1"),
                Arguments.of("trailing text", "{\"applied\": []} x".getBytes(UTF_8), "invalid JSON at line 1"),
                Arguments.of("duplicate keys", "{\"applied\": [], \"applied\": []}".getBytes(UTF_8), "invalid JSON at line 1, column 26: Duplicate field 'applied'"),
                Arguments.of("a root array", "[]".getBytes(UTF_8), "not a telec state: the top level must be an object, not an array"),
                Arguments.of("a root string", "\"x\"".getBytes(UTF_8), "not a telec state: the top level must be an object, not a string"),
                Arguments.of("a root null", "null".getBytes(UTF_8), "not a telec state: the top level must be an object, not null"),
                Arguments.of("no applied", "{}".getBytes(UTF_8), "not a telec state: \"applied\" is missing; it must be an array of strings"),
                Arguments.of("applied a string", "{\"applied\": \"1.1.0/001_a\"}".getBytes(UTF_8), "not a telec state: \"applied\" must be an array of strings"),
                Arguments.of("applied with a number", "{\"applied\": [1]}".getBytes(UTF_8), "not a telec state: \"applied\" must be an array of strings"),
                Arguments.of("applied with null", "{\"applied\": [null]}".getBytes(UTF_8), "not a telec state: \"applied\" must be an array of strings"),
                Arguments.of("applied null", "{\"applied\": null}".getBytes(UTF_8), "not a telec state: \"applied\" must be an array of strings"),
                Arguments.of("version a number", "{\"applied\": [], \"version\": 1}".getBytes(UTF_8), "not a telec state: \"version\" must be a SemVer version string, not a number"),
                Arguments.of("version not SemVer", "{\"applied\": [], \"version\": \"1.2\"}".getBytes(UTF_8), "not a telec state: \"version\" must be a SemVer version (MAJOR.MINOR.PATCH[-pre][+build]), not \"1.2\""),
                Arguments.of("version with a v", "{\"applied\": [], \"version\": \"v1.2.0\"}".getBytes(UTF_8), "not a telec state: \"version\" must be a SemVer"),
                Arguments.of("history an object", "{\"applied\": [], \"history\": {}}".getBytes(UTF_8), "not a telec state: \"history\" must be an array"),
                Arguments.of("history of strings", "{\"applied\": [], \"history\": [\"x\"]}".getBytes(UTF_8), "not a telec state: \"history\"[0] must be an object"),
                Arguments.of("history without at", "{\"applied\": [], \"history\": [{\"id\": \"a\", \"outcome\": \"applied\"}]}".getBytes(UTF_8),
                        "not a telec state: \"history\"[0]: \"at\" must be a string (it is missing)"),
                Arguments.of("history with an unknown outcome", "{\"applied\": [], \"history\": [{\"id\": \"a\", \"outcome\": \"done\", \"at\": \"2026-11-23T10:15:02Z\"}]}".getBytes(UTF_8),
                        "not a telec state: \"history\"[0]: unknown \"outcome\" \"done\""),
                Arguments.of("history with a bad instant", "{\"applied\": [], \"history\": [{\"id\": \"a\", \"outcome\": \"applied\", \"at\": \"yesterday\"}]}".getBytes(UTF_8),
                        "not a telec state: \"history\"[0]: \"at\" must be an ISO-8601 instant"),
                Arguments.of("history with an extra key", "{\"applied\": [], \"history\": [{\"id\": \"a\", \"outcome\": \"applied\", \"at\": \"2026-11-23T10:15:02Z\", \"by\": \"me\"}]}".getBytes(UTF_8),
                        "not a telec state: \"history\"[0]: unknown key \"by\""),
                Arguments.of("an unknown top-level key", "{\"applied\": [], \"extra\": 1}".getBytes(UTF_8), "not a telec state: unknown key \"extra\""),
                Arguments.of("an empty file", new byte[0], "not a telec state: the file is empty"),
                Arguments.of("only whitespace", "  \n".getBytes(UTF_8), "not a telec state: the file is empty"),
                Arguments.of("binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff}, "not a telec state: not UTF-8 text"),
                Arguments.of("NUL bytes", new byte[] {0, 0, 0, 0}, "invalid JSON"),
                Arguments.of("deep nesting", deep.getBytes(UTF_8), "invalid JSON"),
                Arguments.of("deep nesting in a value", ("{\"applied\": " + deep + "}").getBytes(UTF_8), "invalid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void aCorruptFileIsAnErrorNamingTheFileAndIsLeftUnchanged(String name, byte[] content, String expected) throws IOException {
        Files.createDirectories(home);
        Files.write(file, content);
        assertThatThrownBy(() -> store.load(home))
                .isInstanceOf(StateException.class)
                .hasMessageStartingWith("/srv/app/migration_state.json: " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((StateException) e).file()).contains(file));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aFileLargerThan64MiBIsRefusedUnread() throws IOException {
        Files.createDirectories(home);
        try (var ch = Files.newByteChannel(file, Set.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
            ch.position(JsonStateStore.MAX_BYTES);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'}'}));
        }
        assertThatThrownBy(() -> store.load(home)).isInstanceOf(StateException.class)
                .hasMessage("/srv/app/migration_state.json: too large for a state file: 67108865 bytes (the limit is 64 MiB)");
        assertThat(Files.size(file)).isEqualTo(JsonStateStore.MAX_BYTES + 1);
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("migration_state.json");
        Files.writeString(f, "{\"applied\": []}");
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(f)).as("running as a user who can read anything").isFalse();
            assertThatThrownBy(() -> store.load(dir)).isInstanceOf(StateException.class)
                    .hasMessage(f + ": cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aFileThatCannotBeOpenedForReadingIsAnErrorNamingIt() throws IOException {
        store.save(home, SAMPLE);
        byte[] before = Files.readAllBytes(file);
        FaultyFileSystem faulty = FaultyFileSystem.wrap(fs);
        Path faultyHome = faulty.wrap(home);
        faulty.denyReading(faultyHome.resolve("migration_state.json"));
        assertThatThrownBy(() -> store.load(faultyHome)).isInstanceOf(StateException.class)
                .hasMessage("/srv/app/migration_state.json: cannot read: permission denied");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void saveCreatesTheHome() {
        Path deep = fs.getPath("/a/b/c/home");
        store.save(deep, SAMPLE);
        assertThat(Files.isDirectory(deep)).isTrue();
        assertThat(store.load(deep)).isEqualTo(SAMPLE);
    }

    @Test
    void theStateFileIsOwnerOnlyOnPosixFileSystems() throws IOException {
        store.save(home, SAMPLE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        store.save(home, MigrationState.EMPTY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void worksOnAFileSystemWithoutPosixAttributes() throws IOException {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path h = windows.getPath("C:\\app");
            store.save(h, SAMPLE);
            assertThat(store.load(h)).isEqualTo(SAMPLE);
        }
    }

    @Test
    void noTemporaryFileRemainsAfterASave() throws IOException {
        store.save(home, SAMPLE);
        store.save(home, MigrationState.EMPTY);
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void noTemporaryFileRemainsAfterAFailedSaveAndTheOldStateIsKept() throws IOException {
        store.save(home, SAMPLE);
        byte[] before = Files.readAllBytes(file);
        FaultyFileSystem faulty = FaultyFileSystem.wrap(fs);
        Path faultyHome = faulty.wrap(home);
        faulty.arm(1, FaultyFileSystem.Op.FORCE);
        assertThatThrownBy(() -> store.save(faultyHome, MigrationState.EMPTY))
                .isInstanceOf(StateException.class)
                .hasMessage("/srv/app/migration_state.json: cannot write: No space left on device");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void leftoverTemporaryFilesAreDeletedBeforeTheFirstWrite() throws IOException {
        Files.createDirectories(home);
        Path leftover1 = home.resolve(".migration_state.json.abc123.tmp");
        Path leftover2 = home.resolve(".migration_state.json.zz.tmp");
        Path unrelated = home.resolve(".other.json.abc.tmp");
        Path alsoUnrelated = home.resolve(".migration_state.json.tmp");
        for (Path p : List.of(leftover1, leftover2, unrelated, alsoUnrelated)) {
            Files.writeString(p, "{\"applied\": [\"partial");
        }
        store.save(home, SAMPLE);
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).containsExactlyInAnyOrder(file, unrelated, alsoUnrelated);
        }
        assertThat(store.load(home)).isEqualTo(SAMPLE);
    }

    @Test
    void leftoversAreLookedForOncePerStoreAndHome() throws IOException {
        store.save(home, SAMPLE);
        Path leftover = home.resolve(".migration_state.json.later.tmp");
        Files.writeString(home.resolve(".migration_state.json.later.tmp"), "x");
        store.save(home, MigrationState.EMPTY);
        assertThat(Files.exists(leftover)).isTrue();
        new JsonStateStore().save(home, SAMPLE);
        assertThat(Files.exists(leftover)).isFalse();
    }

    @Test
    void theAppIsWrittenFirstAndReadBack() throws IOException {
        MigrationState named = SAMPLE.withApp(dev.telec.migrate.domain.AppName.of("myapp"));

        store.save(home, named);

        assertThat(Files.readString(home.resolve(JsonStateStore.FILE_NAME))).startsWith("{\n  \"app\": \"myapp\",\n  \"applied\": [");
        assertThat(new JsonStateStore().load(home)).isEqualTo(named);
        assertThat(new JsonStateStore().load(home).app()).map(Object::toString).contains("myapp");
    }

    @Test
    void aBadAppIsNotAState() throws IOException {
        Files.createDirectories(home);
        Path file = home.resolve(JsonStateStore.FILE_NAME);
        Files.writeString(file, "{\"app\": \"My App\", \"applied\": []}");

        assertThatThrownBy(() -> store.load(home)).isInstanceOf(StateException.class)
                .hasMessage(file + ": not a telec state: \"app\" must be an app name (lower-case letters, digits, '.', '_' and '-'), not \"My App\"");

        Files.writeString(file, "{\"app\": 7, \"applied\": []}");
        assertThatThrownBy(() -> store.load(home)).isInstanceOf(StateException.class)
                .hasMessage(file + ": not a telec state: \"app\" must be a string naming the app, not a number");
    }
}
