package dev.telec.migrate.internal.adapter.out.operations;

import static dev.telec.migrate.internal.adapter.out.operations.Steps.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A literal path that names no file is a no-op, and the step says so; messages count operations from 1. */
class NothingMatchedTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/srv/app/home");
    private final List<String> notes = new ArrayList<>();
    private final MigrationContext context = new MigrationContext() {
        @Override
        public Path home() {
            return home;
        }

        @Override
        public String id() {
            return "1.1.0/001_test";
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }
    };

    @org.junit.jupiter.api.BeforeEach
    void home() throws IOException {
        Files.createDirectories(home);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void aTypoInALiteralFileIsSatisfiedButNoted() throws Exception {
        write(home, "settings.yaml", "legacy: true\n");
        DeclarativeStep step = Steps.of("- {op: rename_key, file: settings.yml, from: /legacy, to: /modern}");

        assertThat(step.check(context)).isTrue();
        assertThat(notes).containsExactly("settings.yml does not exist (rename_key, operation 1)");
    }

    @Test
    void eachSourceOperationNotesItsMissingLiteralPath() throws Exception {
        DeclarativeStep step = Steps.of("""
                - {op: move, from: sessions, to: state/sessions}
                - {op: delete, path: cache}
                - {op: copy, from: a.json, to: b.json}
                - {op: remove, file: config.json, pointer: /x}
                - {op: convert, from: c.json, to: c.yaml}
                - {op: mkdir, path: logs}
                """);

        step.check(context);

        assertThat(notes).containsExactly("sessions does not exist (move, operation 1)", "cache does not exist (delete, operation 2)",
                "a.json does not exist (copy, operation 3)", "config.json does not exist (remove, operation 4)",
                "c.json does not exist (convert, operation 5)");
    }

    @Test
    void anExistingPathOrAWildcardThatMatchesNothingIsNotNoted() throws Exception {
        write(home, "config.json", "{\"legacy\": 1}");
        Steps.of("""
                - {op: rename_key, file: config.json, from: /legacy, to: /modern}
                - {op: delete, path: "cache/*.tmp"}
                """).check(context);

        assertThat(notes).isEmpty();
    }

    @Test
    void aFailingOperationIsNamedByItsOpAndNumberFromOneWithPathsRelativeToTheHome() throws Exception {
        write(home, "config.json", "{\"legacy\": [1, 2]}");
        DeclarativeStep step = Steps.of("""
                - {op: mkdir, path: logs}
                - {op: set, file: config.json, pointer: /legacy/channel, value: stable}
                """);

        assertThatThrownBy(() -> step.migrate(context)).isInstanceOf(OperationFailure.class)
                .isInstanceOf(dev.telec.migrate.spi.StepFailure.class)
                .hasMessage("set (operation 2): /legacy is a list, not a mapping (pointer /legacy/channel) in config.json");
        assertThat(Files.isDirectory(home.resolve("logs"))).isTrue();
    }
}
