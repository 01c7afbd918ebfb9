package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.testing.BrokenSteps;
import dev.telec.migrate.testing.RecordingMigration;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryResolutionTest {

    private static final String BROKEN = BrokenSteps.class.getName();

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/m");
    private final FileManifests manifests = new FileManifests();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Manifest.Entry only(String relative, String document) {
        write(root, relative, document);
        Manifest manifest = manifests.load(StepSource.directory(root));
        assertThat(manifest.entries()).hasSize(1);
        return manifest.entries().get(0);
    }

    @Test
    void aYamlEntryResolvesToANewInstanceOfItsClassOnce() {
        Manifest.Entry entry = only("v1.0.0/001_a.yaml", "description: makes the marker\nclass: " + RecordingMigration.class.getName());

        Migration step = entry.resolve();

        assertThat(step).isExactlyInstanceOf(RecordingMigration.class);
        assertThat(entry.resolve()).isSameAs(step);
    }

    @Test
    void aJsonEntryResolvesToo() {
        Manifest.Entry entry = only("v1.0.0/001_a.json",
                "{\"class\": \"" + RecordingMigration.class.getName() + "\", \"description\": \"x\"}");
        assertThat(entry.resolve()).isExactlyInstanceOf(RecordingMigration.class);
    }

    @Test
    void aYmlEntryWithADocumentStartMarkerResolves() {
        Manifest.Entry entry = only("v1.0.0/001_a.yml", "---\n# a step\nclass: " + RecordingMigration.class.getName() + "\n");
        assertThat(entry.resolve()).isExactlyInstanceOf(RecordingMigration.class);
    }

    @Test
    void aBadClassDoesNotFailLoadButFailsResolveNamingTheEntry() {
        write(root, "v1.2.0/002_ok.yaml", Trees.RECORDING_YAML);
        write(root, "v1.2.0/001_a.yaml", "class: com.example.Nope\n");
        Manifest manifest = manifests.load(StepSource.directory(root));

        assertThat(manifest.entries().get(1).resolve()).isInstanceOf(RecordingMigration.class);
        assertThatThrownBy(() -> manifest.entries().get(0).resolve())
                .isInstanceOf(ManifestException.class)
                .hasMessage("/m/v1.2.0/001_a.yaml: class com.example.Nope not found")
                .satisfies(e -> assertThat(((ManifestException) e).file()).hasValue(fs.getPath("/m/v1.2.0/001_a.yaml")));
    }

    @Test
    void anEntryDeletedAfterLoadFailsResolveNamingIt() throws IOException {
        Manifest.Entry entry = only("v1.0.0/001_a.yaml", Trees.RECORDING_YAML);
        Files.delete(root.resolve("v1.0.0/001_a.yaml"));
        assertThatThrownBy(entry::resolve).isInstanceOf(ManifestException.class)
                .hasMessage("/m/v1.0.0/001_a.yaml: cannot read: no such file");
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$NotAMigration",
                        "class " + BROKEN + "$NotAMigration does not implement dev.telec.migrate.spi.Migration"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$NoNoArgConstructor",
                        "class " + BROKEN + "$NoNoArgConstructor has no public no-arg constructor"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$PrivateConstructor",
                        "class " + BROKEN + "$PrivateConstructor has no public no-arg constructor"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$ThrowingConstructor",
                        "constructor of " + BROKEN + "$ThrowingConstructor threw java.lang.IllegalStateException: boom"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$ErrorInConstructor",
                        "constructor of " + BROKEN + "$ErrorInConstructor threw java.lang.NoClassDefFoundError: com/example/Gone"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$FailingStaticInitializer",
                        "static initializer of " + BROKEN + "$FailingStaticInitializer threw java.lang.IllegalStateException: no config"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$AbstractStep", "class " + BROKEN + "$AbstractStep is abstract"),
                Arguments.of("001_a.yaml", "class: " + BROKEN + "$Hidden", "class " + BROKEN + "$Hidden is not public"),
                Arguments.of("001_a.yaml", "class: " + Migration.class.getName(), "class " + Migration.class.getName() + " is abstract"),
                Arguments.of("001_a.yaml", "class: not a class", "class must be a fully qualified class name, got 'not a class'"),
                Arguments.of("001_a.yaml", "class: 42", "class must be a string naming a class, got a number"),
                Arguments.of("001_a.yaml", "class:", "class must be a string naming a class, got nothing"),
                Arguments.of("001_a.yaml", "class: [a, b]", "class must be a string naming a class, got an array"),
                Arguments.of("001_a.yaml", "", "empty document"),
                Arguments.of("001_a.yaml", "  \n\n", "empty document"),
                Arguments.of("001_a.yaml", "# only a comment\n", "empty document"),
                Arguments.of("001_a.yaml", "~", "empty document"),
                Arguments.of("001_a.yaml", "class: [unclosed", "malformed YAML: "),
                Arguments.of("001_a.yaml", "class: a\nclass: b\n", "malformed YAML: Duplicate field 'class'"),
                Arguments.of("001_a.yaml", "- class: a\n", "document must be a mapping with a class: field, got an array"),
                Arguments.of("001_a.yaml", "just text", "document must be a mapping with a class: field, got a string"),
                Arguments.of("001_a.json", "{\"class\": ", "malformed JSON: "),
                Arguments.of("001_a.json", "{} {}", "malformed JSON: "),
                Arguments.of("001_a.json", "[1]", "document must be a mapping with a class: field, got an array"),
                Arguments.of("001_a.json", "{}", "entry names no implementation: expected class:, operations: or exec:"),
                Arguments.of("001_a.yaml", "description: hi", "entry names no implementation: expected class:, operations: or exec:"),
                Arguments.of("001_a.yaml", "clas: com.example.Step", "unknown key 'clas' (known keys: class, description, exec, operations)"),
                Arguments.of("001_a.yaml", "class: " + RecordingMigration.class.getName() + "\nafter: 1.0.0",
                        "unknown key 'after' (known keys: class, description, exec, operations)"),
                Arguments.of("001_a.yaml", "class: " + RecordingMigration.class.getName() + "\ndescription: [1]",
                        "description must be a string"),
                Arguments.of("001_a.yaml", "class: a.B\noperations: []", "entry has both class: and operations:; use one"),
                Arguments.of("001_a.yaml", "operations:\n  - copy: {from: a, to: b}\n",
                        "operation 1: missing field 'op' (one of mkdir, move, copy, delete, write, set, default, remove, rename_key, convert)"),
                Arguments.of("001_a.yaml", "operations:\n  - op: mkdir\n    path: a\n  - op: frobnicate\n",
                        "operation 2: unknown op 'frobnicate' (one of mkdir, move, copy, delete, write, set, default, remove, rename_key, convert)"),
                Arguments.of("001_a.yaml", "operations:\n  - op: mkdir\n", "mkdir (operation 1): missing field 'path'"),
                Arguments.of("001_a.yaml", "operations:\n  - op: mkdir\n    path: a\n    mode: 7\n",
                        "mkdir (operation 1): unknown field 'mode' (fields of mkdir: op, path)"),
                Arguments.of("001_a.yaml", "operations:\n  - op: mkdir\n    path: ../outside\n",
                        "mkdir (operation 1): path '../outside' has a '..' segment; paths must stay inside the home"),
                Arguments.of("001_a.yaml", "operations:\n  - op: mkdir\n    path: /etc/x\n",
                        "mkdir (operation 1): path '/etc/x' is absolute; paths are relative to the home"),
                Arguments.of("001_a.yaml", "operations: {op: mkdir}\n", "operations must be a list of operations"),
                Arguments.of("001_a.yaml", "operations: []\n", "operations is empty"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unusable")
    void anUnusableEntryFailsResolveWithAOneLineMessageNamingIt(String name, String document, String message) {
        Manifest.Entry entry = only("v1.0.0/" + name, document);

        assertThatThrownBy(entry::resolve)
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("/m/v1.0.0/" + name + ": " + message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void aFailedResolveIsRetriedOnTheNextCall() {
        Manifest.Entry entry = only("v1.0.0/001_a.yaml", "class: com.example.Nope");
        assertThatThrownBy(entry::resolve).isInstanceOf(ManifestException.class);
        write(root, "v1.0.0/001_a.yaml", Trees.RECORDING_YAML);
        assertThat(entry.resolve()).isInstanceOf(RecordingMigration.class);
    }
}
