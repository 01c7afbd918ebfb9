package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MoveSessionsTest {

    private static final String ID = "1.2.0/001_move_sessions";

    private final MoveSessions step = new MoveSessions();
    private FileSystem fs;
    private Path home;

    @BeforeEach
    void setUp() {
        fs = TestHomes.jimfs();
        home = TestHomes.home(fs);
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    private void writeSessions() throws Exception {
        write(home.resolve("sessions/2026-11-20-abc123.json"), "{\"id\":\"abc123\"}\n");
        write(home.resolve("sessions/archive/2026-10-01-old.json"), "{\"id\":\"old\"}\n");
    }

    @Test
    void moves_the_whole_tree_under_state_creating_state() throws Exception {
        writeSessions();

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(TestHomes.tree(home)).containsExactly(
                entry("state/", ""),
                entry("state/sessions/", ""),
                entry("state/sessions/2026-11-20-abc123.json", "{\"id\":\"abc123\"}\n"),
                entry("state/sessions/archive/", ""),
                entry("state/sessions/archive/2026-10-01-old.json", "{\"id\":\"old\"}\n"));
    }

    @Test
    void an_existing_state_directory_keeps_its_content() throws Exception {
        writeSessions();
        write(home.resolve("state/cursor.txt"), "42\n");

        assertThat(step.migrate(context(home, ID))).isTrue();

        assertThat(TestHomes.tree(home)).contains(entry("state/cursor.txt", "42\n"))
                .containsKey("state/sessions/2026-11-20-abc123.json")
                .doesNotContainKey("sessions/");
    }

    @Test
    void no_sessions_directory_is_already_done_and_migrate_creates_nothing() throws Exception {
        assertThat(step.check(context(home, ID))).isTrue();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(TestHomes.tree(home)).isEmpty();
    }

    @Test
    void only_the_target_existing_is_already_done() throws Exception {
        write(home.resolve("state/sessions/x.json"), "{}");
        assertThat(step.check(context(home, ID))).isTrue();
    }

    @Test
    void both_directories_existing_throws_naming_both_and_changes_nothing() throws Exception {
        writeSessions();
        write(home.resolve("state/sessions/x.json"), "{}");
        String before = TestHomes.hash(home);

        assertThat(step.check(context(home, ID))).isFalse();
        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("sessions").toString())
                .hasMessageContaining(home.resolve("state/sessions").toString());
        assertThat(TestHomes.hash(home)).isEqualTo(before);
    }

    @Test
    void a_sessions_file_that_is_not_a_directory_throws_naming_it() throws Exception {
        write(home.resolve("sessions"), "not a directory");
        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("sessions").toString());
        assertThat(Files.exists(home.resolve("state"))).isFalse();
    }

    @Test
    void check_makes_no_changes() throws Exception {
        writeSessions();
        String before = TestHomes.hash(home);
        step.check(context(home, ID));
        assertThat(TestHomes.hash(home)).isEqualTo(before);
    }

    @Test
    void the_copy_fallback_moves_a_tree_completely_and_leaves_no_partial_copy() throws Exception {
        writeSessions();
        Path source = home.resolve("sessions");
        Path target = home.resolve("state/sessions");
        Files.createDirectories(target.getParent());

        MoveSessions.copyTreeThenDelete(source, target);

        assertThat(Files.exists(source)).isFalse();
        assertThat(TestHomes.tree(home)).containsOnlyKeys(
                "state/", "state/sessions/", "state/sessions/2026-11-20-abc123.json",
                "state/sessions/archive/", "state/sessions/archive/2026-10-01-old.json");
    }

    @Test
    void the_copy_fallback_works_across_file_systems() throws Exception {
        writeSessions();
        Map<String, String> expected = TestHomes.tree(home.resolve("sessions"));
        try (FileSystem other = TestHomes.jimfs()) {
            Path target = Files.createDirectories(other.getPath("/elsewhere/state")).resolve("sessions");

            MoveSessions.copyTreeThenDelete(home.resolve("sessions"), target);

            assertThat(TestHomes.tree(target)).isEqualTo(expected);
            assertThat(TestHomes.tree(target.getParent())).allSatisfy((name, content) ->
                    assertThat(name).startsWith("sessions/"));
            assertThat(Files.exists(home.resolve("sessions"))).isFalse();
        }
    }
}
