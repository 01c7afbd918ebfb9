package dev.telec.migrate.adapter.out.manifest;

import static dev.telec.migrate.adapter.out.manifest.Trees.ids;
import static dev.telec.migrate.adapter.out.manifest.Trees.step;
import static dev.telec.migrate.adapter.out.manifest.Trees.write;
import static dev.telec.migrate.testing.TestJars.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.application.TelecException.ManifestException;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.testing.RecordingMigration;
import dev.telec.migrate.testing.TestJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledManifestTest {

    @TempDir
    Path temp;

    private static URLClassLoader loaderOf(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) urls[i] = roots[i].toUri().toURL();
        return new URLClassLoader(urls, BundledManifestTest.class.getClassLoader());
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        return TestJars.write(temp.resolve(name), entries);
    }

    @Test
    void no_bundled_root_is_an_empty_manifest() throws IOException {
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            assertThat(new FileManifests(nothing).load(Optional.empty()).entries()).isEmpty();
        }
    }

    @Test
    void the_default_catalog_reads_this_class_path_which_has_no_bundled_manifest() {
        assertThat(new FileManifests().load(Optional.empty()).entries()).isEmpty();
    }

    @Test
    void loads_the_bundled_manifest_from_a_class_path_directory() throws IOException {
        Path classes = temp.resolve("classes");
        step(classes, "migrations/v1.1.0/002_second.yaml");
        step(classes, "migrations/v1.1.0/001_first.json");
        write(classes, "migrations/README.md", "bundled steps");

        try (URLClassLoader loader = loaderOf(classes)) {
            Manifest manifest = new FileManifests(loader).load(Optional.empty());

            assertThat(ids(manifest)).containsExactly("1.1.0/001_first", "1.1.0/002_second");
            assertThat(manifest.entries().get(0).source())
                    .isEqualTo(classes.resolve("migrations/v1.1.0/001_first.json").toString());
            assertThat(manifest.entries().get(1).resolve()).isExactlyInstanceOf(RecordingMigration.class);
        }
    }

    @Test
    void loads_the_bundled_manifest_from_a_jar_lazily() throws IOException {
        Path jar = jar("migrations.jar", Map.of(
                "migrations/v1.0.0/001_x.yaml", utf8(Trees.RECORDING_YAML),
                "migrations/v1.0.0/002_bad.yaml", utf8("class: com.example.Nope\n"),
                "migrations/README.md", utf8("docs"),
                "META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\n")));

        try (URLClassLoader loader = loaderOf(jar)) {
            Manifest manifest = new FileManifests(loader).load(Optional.empty());

            assertThat(ids(manifest)).containsExactly("1.0.0/001_x", "1.0.0/002_bad");
            assertThat(manifest.entries().get(0).source()).isEqualTo(jar + "!/migrations/v1.0.0/001_x.yaml");
            assertThat(manifest.entries().get(0).resolve()).isExactlyInstanceOf(RecordingMigration.class);
            assertThatThrownBy(() -> manifest.entries().get(1).resolve())
                    .isInstanceOf(ManifestException.class)
                    .hasMessage(jar + "!/migrations/v1.0.0/002_bad.yaml: class com.example.Nope not found");
        }
    }

    @Test
    void a_malformed_name_in_a_jar_fails_load_naming_the_jar_and_entry() throws IOException {
        Path jar = jar("migrations.jar", Map.of("migrations/v1.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> new FileManifests(loader).load(Optional.empty()))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageStartingWith(jar + "!/migrations/v1.0: not a version directory");
        }
    }

    @Test
    void merges_several_class_path_roots() throws IOException {
        Path classes = temp.resolve("classes");
        step(classes, "migrations/v1.0.0/002_from_dir.yaml");
        Path jar = jar("migrations.jar", Map.of("migrations/v1.0.0/001_from_jar.yaml", utf8(Trees.RECORDING_YAML),
                "migrations/v2.0.0/001_later.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(classes, jar)) {
            assertThat(ids(new FileManifests(loader).load(Optional.empty())))
                    .containsExactly("1.0.0/001_from_jar", "1.0.0/002_from_dir", "2.0.0/001_later");
        }
    }

    @Test
    void a_step_in_two_class_path_roots_is_a_duplicate() throws IOException {
        Path classes = temp.resolve("classes");
        step(classes, "migrations/v1.0.0/001_x.yaml");
        Path jar = jar("migrations.jar", Map.of("migrations/v1.0.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(classes, jar)) {
            assertThatThrownBy(() -> new FileManifests(loader).load(Optional.empty()))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageContaining(classes.resolve("migrations/v1.0.0/001_x.yaml").toString())
                    .hasMessageContaining(jar + "!/migrations/v1.0.0/001_x.yaml");
        }
    }

    @Test
    void loading_a_jar_leaves_it_free_to_replace() throws IOException {
        Path jar = jar("migrations.jar", Map.of("migrations/v1.0.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));
        try (URLClassLoader loader = loaderOf(jar)) {
            Manifest manifest = new FileManifests(loader).load(Optional.empty());
            manifest.entries().get(0).resolve();
        }
        // the zip file system and the entry's own jar handle are closed: the jar can be rewritten in place
        TestJars.write(jar, Map.of("migrations/v1.0.0/001_y.yaml", utf8(Trees.RECORDING_YAML)));
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThat(ids(new FileManifests(loader).load(Optional.empty()))).containsExactly("1.0.0/001_y");
        }
        assertThat(Files.deleteIfExists(jar)).isTrue();
    }
}
