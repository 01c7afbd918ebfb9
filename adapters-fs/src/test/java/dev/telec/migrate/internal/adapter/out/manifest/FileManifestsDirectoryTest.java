package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.ids;
import static dev.telec.migrate.internal.adapter.out.manifest.Trees.step;
import static dev.telec.migrate.internal.adapter.out.manifest.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileManifestsDirectoryTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/m");
    private final FileManifests manifests = new FileManifests();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Manifest load() {
        return manifests.load(StepSource.directory(root));
    }

    @Test
    void discoversEntriesOfEveryFormatWithCanonicalIdsAndFileSources() {
        step(root, "v1.1.0/002_first.yaml");
        step(root, "v1.1.0/001_zero.yml");
        step(root, "v1.2.0/001_json_step.json");

        Manifest manifest = load();

        assertThat(ids(manifest)).containsExactly("1.1.0/001_zero", "1.1.0/002_first", "1.2.0/001_json_step");
        assertThat(manifest.entries()).extracting(Manifest.Entry::source)
                .containsExactly("/m/v1.1.0/001_zero.yml", "/m/v1.1.0/002_first.yaml", "/m/v1.2.0/001_json_step.json");
        assertThat(manifest.newest()).hasValueSatisfying(v -> assertThat(v).hasToString("1.2.0"));
    }

    @Test
    void ordersByVersionPrecedenceIncludingPreReleasesThenByNumber() {
        step(root, "v1.10.0/001_a.yaml");
        step(root, "v1.2.0/002_b.yaml");
        step(root, "v1.2.0/010_c.yaml");
        step(root, "v1.2.0/001_d.yaml");
        step(root, "v1.0.0/001_e.yaml");
        step(root, "v1.0.0-rc.1/001_f.yaml");
        step(root, "v1.0.0-alpha/005_g.yaml");

        assertThat(ids(load())).containsExactly("1.0.0-alpha/005_g", "1.0.0-rc.1/001_f", "1.0.0/001_e",
                "1.2.0/001_d", "1.2.0/002_b", "1.2.0/010_c", "1.10.0/001_a");
    }

    @Test
    void anEmptyDirectoryIsAnEmptyManifest() throws IOException {
        Files.createDirectories(root);
        assertThat(load().entries()).isEmpty();
    }

    @Test
    void ignoresDocumentationFilesEmptyVersionDirectoriesAndLib() {
        write(root, "README.md", "# steps");
        write(root, ".gitkeep", "");
        write(root, "NOTES", "");
        write(root, "v1.0.0/README.md", "about 1.0.0");
        write(root, "v1.0.0/.gitkeep", "");
        write(root, "v1.0.0/001_a.yaml.bak", "junk");
        write(root, "lib/notes.txt", "");
        write(root, "lib/nested/anything.yaml", "");
        write(root, "v2.0.0/.gitkeep", "");
        step(root, "v1.0.0/001_a.yaml");

        assertThat(ids(load())).containsExactly("1.0.0/001_a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.2.0/001_a.yaml      | /m/1.2.0      | not a version directory: expected 'v' and a SemVer version, e.g. v1.2.0 or v1.0.0-rc.1 (did you mean v1.2.0?)
            V1.2.0/001_a.yaml     | /m/V1.2.0     | not a version directory
            v1.2/001_a.yaml       | /m/v1.2       | not a version directory
            vfoo/001_a.yaml       | /m/vfoo       | not a version directory
            v01.2.0/001_a.yaml    | /m/v01.2.0    | not a version directory
            'v 1.2.0/001_a.yaml'  | '/m/v 1.2.0'  | not a version directory
            steps/001_a.yaml      | /m/steps      | not a version directory
            v1.0.0+b7/001_a.yaml  | /m/v1.0.0+b7  | version directory must not carry build metadata
            001_a.yaml            | /m/001_a.yaml | entry file outside any version directory
            stray.json            | /m/stray.json | entry file outside any version directory
            v1.0.0/1_a.yaml       | /m/v1.0.0/1_a.yaml       | not an entry name: expected NNN_description.yaml (three digits, description [A-Za-z0-9_]+)
            v1.0.0/0001_a.yaml    | /m/v1.0.0/0001_a.yaml    | not an entry name
            v1.0.0/001-a.json     | /m/v1.0.0/001-a.json     | not an entry name: expected NNN_description.json
            v1.0.0/001_.yml       | /m/v1.0.0/001_.yml       | not an entry name
            v1.0.0/001_a-b.yaml   | /m/v1.0.0/001_a-b.yaml   | not an entry name
            v1.0.0/001_a.b.yaml   | /m/v1.0.0/001_a.b.yaml   | not an entry name
            v1.0.0/.yaml          | /m/v1.0.0/.yaml          | not an entry name
            v1.0.0/sub/001_a.yaml | /m/v1.0.0/sub            | unexpected directory inside a version directory
            """)
    void aMalformedNameFailsLoadNamingThePath(String relative, String path, String message) {
        step(root, "v1.0.0/000_fine.yaml");
        step(root, relative);

        assertThatThrownBy(this::load)
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(path + ": " + message.strip())
                .satisfies(e -> assertThat(((ManifestException) e).file()).hasValue(fs.getPath(path)));
    }

    @Test
    void anEmptySubdirectoryOfAVersionIsStillAnError() throws IOException {
        Files.createDirectories(root.resolve("v1.0.0/old"));
        assertThatThrownBy(this::load).isInstanceOf(ManifestException.class)
                .hasMessage("/m/v1.0.0/old: unexpected directory inside a version directory");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"001_a.yaml, 001_b.json", "001_a.yaml, 001_a.json", "001_a.yml, 001_a.yaml"})
    void twoEntriesWithOneNumberInAVersionFailLoadNamingBoth(String first, String second) {
        step(root, "v1.2.0/" + first);
        step(root, "v1.2.0/" + second);

        assertThatThrownBy(this::load)
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("/m/v1.2.0/" + first)
                .hasMessageContaining("/m/v1.2.0/" + second)
                .hasMessageContaining("step number 001 of version 1.2.0 is also used by");
    }

    @Test
    void loadReadsNoEntryDocument() {
        write(root, "v1.0.0/001_garbage.yaml", "class: [unclosed");
        write(root, "v1.0.0/002_nope.json", "{\"class\": \"com.example.Nope\"}");
        write(root, "v1.0.0/003_empty.yml", "");

        assertThat(ids(load())).containsExactly("1.0.0/001_garbage", "1.0.0/002_nope", "1.0.0/003_empty");
    }

    @Test
    void aMissingDirectoryFailsNamingIt() {
        assertThatThrownBy(this::load).isInstanceOf(ManifestException.class)
                .hasMessage("/m: no such manifest directory");
    }

    @Test
    void aFileInsteadOfADirectoryFailsNamingIt() {
        write(fs.getPath("/"), "m", "not a tree");
        assertThatThrownBy(this::load).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("/m: not a directory");
    }

    @Test
    void anUnreadableDirectoryFailsNamingIt(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("m");
        Path version = Files.createDirectories(dir.resolve("v1.0.0"));
        step(dir, "v1.0.0/001_a.yaml");
        Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("-wx------"));
        try {
            assumeTrue(!Files.isReadable(version), "running with privileges that read anything");
            assertThatThrownBy(() -> manifests.load(StepSource.directory(dir))).isInstanceOf(ManifestException.class)
                    .hasMessage(version + ": cannot list directory: permission denied");
        } finally {
            Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void jarsInLibOnAnotherFileSystemAreRefused() {
        write(root, "lib/steps.jar", "PK");
        step(root, "v1.0.0/001_a.yaml");
        assertThatThrownBy(this::load).isInstanceOf(ManifestException.class)
                .hasMessage("/m/lib: jars can only be loaded from the default file system");
    }
}
