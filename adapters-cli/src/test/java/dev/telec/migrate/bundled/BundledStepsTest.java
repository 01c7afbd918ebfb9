package dev.telec.migrate.bundled;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled manifest (declarative entries and the Java step), loaded by FileManifests and run by the real
 * runner on a Jimfs copy of the example 1.0.0 home.
 */
class BundledStepsTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "teleclaude-home-1.0");

    private FileSystem fs;
    private Path home;
    private Map<String, String> original;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        home = fs.getPath("/home/teleclaude");
        copy(EXAMPLE, home);
        original = tree(home);
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private MigrationReport migrate(boolean dryRun) {
        return new MigrationRunner(new FileManifests(), new JsonStateStore(), Clock.systemUTC())
                .migrate(MigrateCommand.of(home).dryRun(dryRun));
    }

    @Test
    void everyBundledStepHasWorkOnTheExampleHomeAndADryRunChangesNothing() throws IOException {
        MigrationReport report = migrate(true);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).hasSize(5);
        assertThat(report.skipped()).as("no step already in effect").isZero();
        assertThat(tree(home)).isEqualTo(original);
    }

    @Test
    void theBundledStepsUpgradeTheExampleHomeKeepingYamlComments() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        MigrationReport report = migrate(false);
        assertThat(report.succeeded()).as(report.error().orElse("")).isTrue();
        assertThat(report.applied()).isEqualTo(5);

        Map<String, String> after = tree(home);
        assertThat(after.keySet()).containsExactlyInAnyOrder(
                "config.json", "logs", "logs/.gitkeep", "migration_state.json",
                "people", "people/alice", "people/alice/teleclaude.yml", "people/bob", "people/bob/teleclaude.yml",
                "state", "state/sessions", "state/sessions/2026-11-20-abc123.json", "state/sessions/2026-11-21-def456.json",
                "todos", "todos/fix-login-timeout", "todos/fix-login-timeout/state.yaml",
                "todos/weekly-digest", "todos/weekly-digest/state.yaml");
        assertThat(after.get("config.json")).isEqualTo("""
                {
                  "bot_name": "teleclaude",
                  "computer_name": "studio-mac",
                  "feature_toggle": true,
                  "log_level": "INFO",
                  "max_sessions": 4,
                  "telegram": {
                    "chat_id": -1001234567890,
                    "topics": true
                  },
                  "update_channel": "stable"
                }
                """);
        assertThat(after.get("state/sessions/2026-11-20-abc123.json")).isEqualTo(original.get("sessions/2026-11-20-abc123.json"));
        for (String todo : new String[] {"fix-login-timeout", "weekly-digest"}) {
            JsonNode json = new ObjectMapper().readTree(original.get("todos/" + todo + "/state.json"));
            JsonNode yaml = new YAMLMapper().readTree(after.get("todos/" + todo + "/state.yaml"));
            assertThat(yaml).as(todo).isEqualTo(json);
        }
        String alice = after.get("people/alice/teleclaude.yml");
        assertThat(alice).startsWith("# Alice's personal overrides.\n# Edited by hand; telec keeps these comments.\n\nname: Alice\n");
        assertThat(alice).contains("timezone: Europe/Amsterdam   # used for quiet hours\n"); // untouched: byte for byte
        assertThat(alice).contains("\n\n# Keep this last: a comment after the last key.\nnotify: true\n");
        assertThat(alice).contains("subscriptions:\n  - channel: telegram\n    events: all\n  - channel: email\n    events: all\n");
        assertThat(alice).doesNotContain("channels:");
        assertThat(after.get("people/bob/teleclaude.yml")).startsWith("# Bob's personal overrides.\nname: Bob\n");

        MigrationReport again = new MigrationRunner(new FileManifests(), new JsonStateStore(), Clock.systemUTC())
                .migrate(MigrateCommand.of(home).from(dev.telec.migrate.domain.Version.parse("1.0.0")));
        assertThat(again.applied()).as("a second run finds everything in effect").isZero();
        Map<String, String> twice = tree(home);
        twice.remove("migration_state.json");
        after.remove("migration_state.json");
        assertThat(twice).isEqualTo(after);
        assertThat(cwd.resolve("state")).as("nothing written to the working directory").doesNotExist();
    }

    /**
     * A step that builds its own paths (java.io.File, Path.of) instead of deriving them from home() would
     * escape tests and the dry-run's simulation: the home here exists only in memory, at a path that also
     * names nothing on disk, and every bundled step must do all its work there.
     */
    @Test
    void everyBundledStepWorksOnTheHomeItIsGivenAndNowhereElse() throws IOException {
        Path elsewhere = fs.getPath("/srv/unique-" + java.util.UUID.randomUUID() + "/teleclaude");
        copy(EXAMPLE, elsewhere);
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, String> cwdBefore = listing(cwd);

        MigrationReport report = new MigrationRunner(new FileManifests(), new JsonStateStore(), Clock.systemUTC())
                .migrate(MigrateCommand.of(elsewhere));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.applied()).isEqualTo(5);
        assertThat(Path.of(elsewhere.toString())).as("the same path on disk").doesNotExist();
        assertThat(Path.of("/srv").resolve(elsewhere.getName(1).toString())).doesNotExist();
        assertThat(listing(cwd)).as("the working directory").isEqualTo(cwdBefore);
        assertThat(tree(elsewhere)).containsKeys("state/sessions", "todos/weekly-digest/state.yaml")
                .doesNotContainKeys("sessions", "todos/weekly-digest/state.json");
    }

    /** Names and sizes directly in {@code dir}, but for Maven's target/ (the build writes there meanwhile). */
    private static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (p.getFileName().toString().equals("target")) continue;
                out.put(p.getFileName().toString(), Files.isDirectory(p) ? "/" : String.valueOf(Files.size(p)));
            }
        }
        return out;
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target;
                for (Path name : source.relativize(p)) if (!name.toString().isEmpty()) to = to.resolve(name.toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.write(to, Files.readAllBytes(p));
            }
        }
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) continue;
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
