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

class ClassPathManifestTest {

    @TempDir
    Path temp;

    private static URLClassLoader loaderOf(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) urls[i] = roots[i].toUri().toURL();
        return new URLClassLoader(urls, ClassPathManifestTest.class.getClassLoader());
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        return TestJars.write(temp.resolve(name), entries);
    }

    @Test
    void noBundledRootIsAnEmptyManifest() throws IOException {
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            assertThat(new FileManifests(nothing).load(Optional.empty()).entries()).isEmpty();
        }
    }

    @Test
    void theDefaultCatalogReadsThisClassPathWhichHasNoBundledManifest() {
        assertThat(new FileManifests().load(Optional.empty()).entries()).isEmpty();
    }

    @Test
    void loadsTheBundledManifestFromAClassPathDirectory() throws IOException {
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
    void loadsTheBundledManifestFromAJarLazily() throws IOException {
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
    void aMalformedNameInAJarFailsLoadNamingTheJarAndEntry() throws IOException {
        Path jar = jar("migrations.jar", Map.of("migrations/v1.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> new FileManifests(loader).load(Optional.empty()))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageStartingWith(jar + "!/migrations/v1.0: not a version directory");
        }
    }

    @Test
    void mergesSeveralClassPathRoots() throws IOException {
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
    void aStepInTwoClassPathRootsIsADuplicate() throws IOException {
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
    void loadingAJarLeavesItFreeToReplace() throws IOException {
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
