package dev.telec.migrate.internal.adapter.out.manifest;

import static dev.telec.migrate.internal.adapter.out.manifest.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.testing.TestJars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibJarTest {

    private static final String STEP = """
            package ext;
            public class LibStep implements dev.telec.migrate.spi.Migration {
                public boolean check(dev.telec.migrate.spi.MigrationContext c) { return true; }
                public boolean migrate(dev.telec.migrate.spi.MigrationContext c) { return true; }
            }
            """;
    private static final String NEEDY = """
            package ext;
            public class Needy implements dev.telec.migrate.spi.Migration {
                private final Object helper;
                public Needy() { helper = new Helper(); }
                public boolean check(dev.telec.migrate.spi.MigrationContext c) { return true; }
                public boolean migrate(dev.telec.migrate.spi.MigrationContext c) { return true; }
            }
            """;
    private static final String HELPER = "package ext; public class Helper {}";

    @TempDir
    Path temp;

    private static Map<String, byte[]> compile(Map<String, String> sources) {
        return TestJars.compile(sources, List.of(TestJars.locationOf(Migration.class)));
    }

    @Test
    void anEntryClassLoadsFromAJarInLib() throws IOException {
        Path root = temp.resolve("m");
        TestJars.write(root.resolve("lib/steps.jar"), compile(Map.of("ext.LibStep", STEP)));
        write(root, "v1.0.0/001_ext.yaml", "class: ext.LibStep\n");

        Manifest manifest = new FileManifests().load(StepSource.directory(root));
        Migration step = manifest.entries().get(0).resolve();

        assertThat(step.getClass().getName()).isEqualTo("ext.LibStep");
        assertThat(step.getClass().getClassLoader()).isNotSameAs(FileManifests.class.getClassLoader());
        assertThat(step).isInstanceOf(Migration.class);
    }

    @Test
    void aClassEntrysChecksumIsOfItsClassFileHoweverItsKeyIsSpelled() throws IOException {
        Path root = temp.resolve("m");
        Map<String, byte[]> classes = compile(Map.of("ext.LibStep", STEP));
        TestJars.write(root.resolve("lib/steps.jar"), classes);
        write(root, "v1.0.0/001_plain.yaml", "class: ext.LibStep\n");
        write(root, "v1.0.0/002_escaped.yaml", "\"\\x63lass\": ext.LibStep\n"); // YAML for "class"
        write(root, "v1.0.0/003_declarative.yaml", "operations:\n  - op: mkdir\n    path: a\n");
        String classFile = Checksums.sha256(classes.get("ext/LibStep.class"));

        List<Manifest.Entry> entries = new FileManifests().load(StepSource.directory(root)).entries();

        assertThat(entries.get(0).checksum()).contains(classFile);
        assertThat(entries.get(1).checksum()).contains(classFile);
        assertThat(entries.get(2).checksum()).contains(Checksums.sha256("operations:\n  - op: mkdir\n    path: a\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void withoutTheJarTheClassIsNotFound() throws IOException {
        Path root = temp.resolve("m");
        TestJars.write(temp.resolve("elsewhere/steps.jar"), compile(Map.of("ext.LibStep", STEP)));
        write(root, "v1.0.0/001_ext.yaml", "class: ext.LibStep\n");

        Manifest manifest = new FileManifests().load(StepSource.directory(root));
        assertThatThrownBy(() -> manifest.entries().get(0).resolve()).isInstanceOf(ManifestException.class)
                .hasMessage(root.resolve("v1.0.0/001_ext.yaml") + ": class ext.LibStep not found");
    }

    @Test
    void aClassWhoseDependencyIsMissingFailsResolveNamingTheEntry() throws IOException {
        Path root = temp.resolve("m");
        Map<String, byte[]> classes = new java.util.HashMap<>(compile(Map.of("ext.Needy", NEEDY, "ext.Helper", HELPER)));
        classes.remove("ext/Helper.class");
        TestJars.write(root.resolve("lib/steps.jar"), classes);
        write(root, "v1.0.0/001_needy.yaml", "class: ext.Needy\n");

        Manifest manifest = new FileManifests().load(StepSource.directory(root));
        assertThatThrownBy(() -> manifest.entries().get(0).resolve()).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(root.resolve("v1.0.0/001_needy.yaml") + ": ")
                .hasMessageContaining("java.lang.NoClassDefFoundError: ext/Helper");
    }
}
