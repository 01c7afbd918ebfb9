package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.ids;
import static dev.telec.migrate.testing.TestJars.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.testing.RecordingMigration;
import dev.telec.migrate.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar file the caller names, and steps it passes as objects. */
class StepSourcesTest {

    private static final String STEP = """
            package ext;
            public class JarStep implements dev.telec.migrate.spi.Migration {
                public boolean check(dev.telec.migrate.spi.MigrationContext c) { return true; }
                public boolean migrate(dev.telec.migrate.spi.MigrationContext c) { return true; }
            }
            """;

    @TempDir
    Path temp;

    private Path stepsJar() throws IOException {
        Map<String, byte[]> entries = new HashMap<>(TestJars.compile(Map.of("ext.JarStep", STEP),
                List.of(TestJars.locationOf(Migration.class))));
        entries.put("myapp/migrations/v1.0.0/001_from_jar.yaml", utf8("class: ext.JarStep\n"));
        entries.put("myapp/migrations/v1.1.0/001_declared.yaml", utf8(Trees.RECORDING_YAML));
        entries.put("migrations/v9.0.0/001_other_root.yaml", utf8(Trees.RECORDING_YAML));
        Path jar = TestJars.write(temp.resolve("steps.jar"), entries);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        return jar;
    }

    @Test
    void aJarGivesTheStepsUnderItsNamedFolderWithItsOwnClasses() throws IOException {
        Path jar = stepsJar();

        Manifest manifest = new FileManifests().load(StepSource.jar(jar, "myapp/migrations/"));

        assertThat(ids(manifest)).containsExactly("1.0.0/001_from_jar", "1.1.0/001_declared");
        assertThat(manifest.entries().get(0).source()).isEqualTo(jar + "!/myapp/migrations/v1.0.0/001_from_jar.yaml");
        Migration step = manifest.entries().get(0).resolve();
        assertThat(step.getClass().getName()).isEqualTo("ext.JarStep");
        assertThat(step.getClass().getClassLoader()).isNotSameAs(FileManifests.class.getClassLoader());
    }

    @Test
    void aJarWithoutTheNamedFolderIsAnErrorNamingTheJar() throws IOException {
        Path jar = stepsJar();

        assertThatThrownBy(() -> new FileManifests().load(StepSource.jar(jar, "yourapp/migrations")))
                .isInstanceOf(ManifestException.class)
                .hasMessage(jar + ": no folder yourapp/migrations/ in this jar");
    }

    @Test
    void aMissingJarIsAnErrorNamingIt() {
        Path jar = temp.resolve("nope.jar");

        assertThatThrownBy(() -> new FileManifests().load(StepSource.jar(jar, "myapp/migrations/")))
                .isInstanceOf(ManifestException.class)
                .hasMessage(jar + ": no such jar");
    }

    @Test
    void aWorldWritableJarIsRefusedUnlessAllowed() throws IOException {
        Path jar = stepsJar();
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> new FileManifests().load(StepSource.jar(jar, "myapp/migrations/")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("world-writable");
        assertThat(new FileManifests().load(StepSource.jar(jar, "myapp/migrations/"), true).entries()).hasSize(2);
    }

    @Test
    void stepObjectsAreTheManifestInStepOrder() {
        RecordingMigration a = new RecordingMigration();
        RecordingMigration b = new RecordingMigration();
        Map<MigrationId, Migration> steps = new LinkedHashMap<>();
        steps.put(MigrationId.parse("1.10.0/001_later"), b);
        steps.put(MigrationId.parse("1.2.0/001_first"), a);

        Manifest manifest = new FileManifests().load(StepSource.migrations(steps));

        assertThat(ids(manifest)).containsExactly("1.2.0/001_first", "1.10.0/001_later");
        assertThat(manifest.entries().get(0).resolve()).isSameAs(a);
        assertThat(manifest.newest()).hasValueSatisfying(v -> assertThat(v).hasToString("1.10.0"));
    }

    @Test
    void twoStepObjectsWithOneNumberAreRefusedNamingBoth() {
        Map<MigrationId, Migration> steps = new LinkedHashMap<>();
        steps.put(MigrationId.parse("1.0.0/001_a"), new RecordingMigration());
        steps.put(MigrationId.parse("1.0.0/001_b"), new RecordingMigration());

        assertThatThrownBy(() -> new FileManifests().load(StepSource.migrations(steps)))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("1.0.0/001_a")
                .hasMessageContaining("1.0.0/001_b");
    }

    @Test
    void aSourceWithItsProfileAlreadyReadIsLoadedWithThatProfileAndTheFileIsNotReadAgain() throws IOException {
        Path tree = temp.resolve("tree");
        Files.createDirectories(tree.resolve("v1.0.0"));
        Files.writeString(tree.resolve("v1.0.0/001_declared.yaml"), Trees.RECORDING_YAML);
        Files.writeString(tree.resolve("telec.yaml"), "app: myapp\nhome: ~/.myapp\n");
        FileManifests manifests = new FileManifests();
        Optional<AppProfile> read = manifests.profile(StepSource.directory(tree));
        Files.writeString(tree.resolve("telec.yaml"), "app: [not, an, app name\n"); // replaced, and malformed

        Manifest manifest = manifests.load(StepSource.directory(tree).withProfile(read));

        assertThat(manifest.profile()).isEqualTo(read).map(AppProfile::app).contains(AppName.of("myapp"));
        assertThat(ids(manifest)).containsExactly("1.0.0/001_declared");
        assertThat(manifests.profile(StepSource.directory(tree).withProfile(Optional.empty()))).isEmpty();
        assertThatThrownBy(() -> manifests.load(StepSource.directory(tree))).as("read again, the file is malformed")
                .isInstanceOf(ManifestException.class);
    }
}
