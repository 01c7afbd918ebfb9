package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.ids;
import static dev.telec.migrate.internal.adapter.out.manifest.Trees.step;
import static dev.telec.migrate.internal.adapter.out.manifest.Trees.write;
import static dev.telec.migrate.testing.TestJars.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.testing.RecordingMigration;
import dev.telec.migrate.testing.TestJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps under one class-path root the caller names: that root only, from one jar or directory. */
class ClassPathRootTest {

    private static final String ROOT = "myapp/migrations/";

    @TempDir
    Path temp;

    private static URLClassLoader loaderOf(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) urls[i] = roots[i].toUri().toURL();
        return new URLClassLoader(urls, ClassPathRootTest.class.getClassLoader());
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        return TestJars.write(temp.resolve(name), entries);
    }

    private static Manifest load(ClassLoader loader, String root) {
        return new FileManifests().load(StepSource.classPath(root, loader));
    }

    @Test
    void aRootThatIsNotOnTheClassPathIsAnErrorNamingIt() throws IOException {
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> load(nothing, ROOT))
                    .isInstanceOf(ManifestException.class)
                    .hasMessage("classpath:myapp/migrations/: no such folder on the class path");
        }
    }

    @Test
    void loadsTheRootFromAClassPathDirectory() throws IOException {
        Path classes = temp.resolve("classes");
        step(classes, "myapp/migrations/v1.1.0/002_second.yaml");
        step(classes, "myapp/migrations/v1.1.0/001_first.json");
        write(classes, "myapp/migrations/README.md", "my steps");

        try (URLClassLoader loader = loaderOf(classes)) {
            Manifest manifest = load(loader, "myapp/migrations"); // the trailing slash is optional

            assertThat(ids(manifest)).containsExactly("1.1.0/001_first", "1.1.0/002_second");
            assertThat(manifest.entries().get(0).source())
                    .isEqualTo(classes.resolve("myapp/migrations/v1.1.0/001_first.json").toString());
            assertThat(manifest.entries().get(1).resolve()).isExactlyInstanceOf(RecordingMigration.class);
        }
    }

    @Test
    void loadsTheRootFromAJarLazily() throws IOException {
        Path jar = jar("myapp.jar", Map.of(
                "myapp/migrations/v1.0.0/001_x.yaml", utf8(Trees.RECORDING_YAML),
                "myapp/migrations/v1.0.0/002_bad.yaml", utf8("class: com.example.Nope\n"),
                "myapp/migrations/README.md", utf8("docs"),
                "META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\n")));

        try (URLClassLoader loader = loaderOf(jar)) {
            Manifest manifest = load(loader, ROOT);

            assertThat(ids(manifest)).containsExactly("1.0.0/001_x", "1.0.0/002_bad");
            assertThat(manifest.entries().get(0).source()).isEqualTo(jar + "!/myapp/migrations/v1.0.0/001_x.yaml");
            assertThat(manifest.entries().get(0).resolve()).isExactlyInstanceOf(RecordingMigration.class);
            assertThatThrownBy(() -> manifest.entries().get(1).resolve())
                    .isInstanceOf(ManifestException.class)
                    .hasMessage(jar + "!/myapp/migrations/v1.0.0/002_bad.yaml: class com.example.Nope not found");
        }
    }

    @Test
    void aMalformedNameInAJarFailsTheLoadNamingTheJarAndEntry() throws IOException {
        Path jar = jar("myapp.jar", Map.of("myapp/migrations/v1.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> load(loader, ROOT))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageStartingWith(jar + "!/myapp/migrations/v1.0: not a version directory");
        }
    }

    @Test
    void readsOnlyTheNamedRootNotOtherAppsStepsOnTheSameClassPath() throws IOException {
        Path mine = jar("myapp.jar", Map.of("myapp/migrations/v2.0.0/001_mine.yaml", utf8(Trees.RECORDING_YAML)));
        Path bundled = jar("telec-migrations.jar", Map.of(
                StepSource.BUNDLED_ROOT + "v1.1.0/001_teleclaude.yaml", utf8(Trees.RECORDING_YAML)));
        Path old = jar("old.jar", Map.of("migrations/v1.0.0/001_unnamed_root.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(mine, bundled, old)) {
            assertThat(ids(load(loader, ROOT))).containsExactly("2.0.0/001_mine");
            assertThat(ids(load(loader, StepSource.BUNDLED_ROOT))).containsExactly("1.1.0/001_teleclaude");
        }
    }

    @Test
    void aForeignMigrationsDirectoryOnTheClassPathCannotBreakALoad() throws IOException {
        // a Flyway-style tree elsewhere on the class path: not a telec manifest, and never read
        Path flyway = temp.resolve("flyway-classes");
        write(flyway, "migrations/postgres/V1__init.sql", "create table t (id int);");
        Path flywayJar = jar("flyway-app.jar", Map.of("migrations/postgres/V2__more.sql", utf8("select 1;"),
                "db/migration/V1__init.sql", utf8("select 1;")));
        Path mine = temp.resolve("classes");
        step(mine, "myapp/migrations/v1.0.0/001_x.yaml");

        try (URLClassLoader loader = loaderOf(flyway, flywayJar, mine)) {
            assertThat(ids(load(loader, ROOT))).containsExactly("1.0.0/001_x");
        }
    }

    @Test
    void theSameRootInTwoPlacesIsRefusedNamingBothNeverMerged() throws IOException {
        Path classes = temp.resolve("classes");
        step(classes, "myapp/migrations/v1.0.0/002_from_dir.yaml");
        Path jar = jar("myapp-old.jar", Map.of("myapp/migrations/v1.0.0/001_from_jar.yaml", utf8(Trees.RECORDING_YAML)));

        try (URLClassLoader loader = loaderOf(classes, jar)) {
            assertThatThrownBy(() -> load(loader, ROOT))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageStartingWith("classpath:myapp/migrations/: found in 2 places (")
                    .hasMessageContaining(classes.resolve("myapp/migrations").toString())
                    .hasMessageContaining("myapp-old.jar!/myapp/migrations/");
        }
    }

    @Test
    void loadingAJarLeavesItFreeToReplace() throws IOException {
        Path jar = jar("myapp.jar", Map.of("myapp/migrations/v1.0.0/001_x.yaml", utf8(Trees.RECORDING_YAML)));
        try (URLClassLoader loader = loaderOf(jar)) {
            Manifest manifest = load(loader, ROOT);
            manifest.entries().get(0).resolve();
        }
        // the zip file system and the entry's own jar handle are closed: the jar can be rewritten in place
        TestJars.write(jar, Map.of("myapp/migrations/v1.0.0/001_y.yaml", utf8(Trees.RECORDING_YAML)));
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThat(ids(load(loader, ROOT))).containsExactly("1.0.0/001_y");
        }
        assertThat(Files.deleteIfExists(jar)).isTrue();
    }

    @Test
    void aRootThatLeavesTheClassPathIsRefusedWhenNamed() {
        assertThatThrownBy(() -> StepSource.classPath("../etc/", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc/'");
        assertThatThrownBy(() -> StepSource.classPath("/myapp/migrations", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
