package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step classes are code: they are never loaded from where another user could have written them. */
class InsecureManifestTest {

    private static final String STEP = """
            package ext;
            public class LibStep implements dev.telec.migrate.spi.Migration {
                public boolean check(dev.telec.migrate.spi.MigrationContext c) { return true; }
                public boolean migrate(dev.telec.migrate.spi.MigrationContext c) { return true; }
            }
            """;

    @TempDir
    Path temp;
    Path root;
    Path jar;

    @BeforeEach
    void tree() throws IOException {
        root = temp.resolve("m");
        jar = TestJars.write(root.resolve("lib/steps.jar"),
                TestJars.compile(Map.of("ext.LibStep", STEP), List.of(TestJars.locationOf(Migration.class))));
        write(root, "v1.0.0/001_ext.yaml", "class: ext.LibStep\n");
        chmod(root, "rwxr-xr-x");
        chmod(root.resolve("lib"), "rwxr-xr-x");
        chmod(jar, "rw-r--r--");
    }

    private static void chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aTreeOnlyItsOwnerCanWriteLoads() {
        assertThat(new FileManifests().load(StepSource.directory(root)).entries()).hasSize(1);
    }

    @Test
    void aWorldWritableManifestDirectoryIsRefusedNamingItAndWhy() throws IOException {
        chmod(root, "rwxrwxrwx");

        assertThatThrownBy(() -> new FileManifests().load(StepSource.directory(root)))
                .isInstanceOf(ManifestException.class)
                .hasMessage(root + ": refusing to load steps: it is world-writable (rwxrwxrwx), so another user could put"
                        + " code in it that telec would run; chmod go-w it, or pass --allow-insecure-migrations");
    }

    @Test
    void aGroupWritableLibDirectoryIsRefused() throws IOException {
        chmod(root.resolve("lib"), "rwxrwxr-x");

        assertThatThrownBy(() -> new FileManifests().load(StepSource.directory(root)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(root.resolve("lib") + ": refusing to load steps: it is group-writable");
    }

    @Test
    void aWritableJarIsRefused() throws IOException {
        chmod(jar, "rw-rw-rw-");

        assertThatThrownBy(() -> new FileManifests().load(StepSource.directory(root)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(jar + ": refusing to load steps: it is world-writable");
    }

    @Test
    void allowInsecureLoadsAnyway() throws Exception {
        chmod(root, "rwxrwxrwx");
        chmod(jar, "rw-rw-rw-");

        Migration step = new FileManifests().load(StepSource.directory(root), true).entries().get(0).resolve();

        assertThat(step.getClass().getName()).isEqualTo("ext.LibStep");
    }
}
