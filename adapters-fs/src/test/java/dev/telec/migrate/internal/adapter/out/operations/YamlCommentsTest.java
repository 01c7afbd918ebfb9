package dev.telec.migrate.internal.adapter.out.operations;

import static dev.telec.migrate.internal.adapter.out.operations.Steps.context;
import static dev.telec.migrate.internal.adapter.out.operations.Steps.read;
import static dev.telec.migrate.internal.adapter.out.operations.Steps.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Comments and blank lines around keys that are not edited survive each document operation on YAML. */
class YamlCommentsTest {

    private static final String CONFIG = """
            # TeleClaude personal settings
            # (edited by hand)

            name: Alice   # shown in chats
            timezone: Europe/Amsterdam

            # notifications
            notifications:
              # where alerts go
              telegram_chat_id: 12345
              quiet: true  # no sound

            # trailing remarks
            updates:
              channel: beta
            """;

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private String apply(String operations) throws Exception {
        write(home, "p.yml", CONFIG);
        Steps.of(operations).migrate(context(home));
        return read(home, "p.yml");
    }

    private static void assertOtherCommentsKept(String text) {
        assertThat(text).startsWith("# TeleClaude personal settings\n# (edited by hand)\n\nname: Alice   # shown in chats\n");
        assertThat(text).contains("\n\n# notifications\nnotifications:\n");
        assertThat(text).contains("  quiet: true  # no sound\n");
        assertThat(text).contains("\n\n# trailing remarks\nupdates:\n");
    }

    // Lines the edit does not change are written back as they were, spacing before comments included.
    @Test
    void setKeepsCommentsBlankLinesAndOrder() throws Exception {
        String text = apply("- {op: set, file: p.yml, pointer: /updates/channel, value: stable}");
        assertOtherCommentsKept(text);
        assertThat(text).endsWith("updates:\n  channel: stable\n");
    }

    @Test
    void renameKeyKeepsCommentsIncludingTheOneAboveTheRenamedKey() throws Exception {
        String text = apply("- {op: rename_key, file: p.yml, from: /notifications/telegram_chat_id, to: /notifications/chat_id}");
        assertOtherCommentsKept(text);
        assertThat(text).contains("notifications:\n  # where alerts go\n  chat_id: 12345\n  quiet: true");
    }

    @Test
    void renameKeyToAnotherMappingCreatesItAndKeepsTheRest() throws Exception {
        String text = apply("- {op: rename_key, file: p.yml, from: /notifications/telegram_chat_id, to: /creds/telegram/chat_id}");
        assertThat(text).startsWith("# TeleClaude personal settings\n# (edited by hand)\n\nname: Alice   # shown in chats\n");
        assertThat(text).contains("  quiet: true  # no sound\n");
        assertThat(text).contains("creds:\n  telegram:\n");
        assertThat(text).contains("chat_id: 12345");
        assertThat(text).doesNotContain("telegram_chat_id");
    }

    @Test
    void defaultAppendsAndKeepsComments() throws Exception {
        String text = apply("- {op: default, file: p.yml, pointer: /log_level, value: INFO}");
        assertOtherCommentsKept(text);
        assertThat(text).endsWith("  channel: beta\nlog_level: INFO\n");
    }

    @Test
    void removeKeepsTheCommentsOfOtherKeys() throws Exception {
        String text = apply("- {op: remove, file: p.yml, pointer: /timezone}");
        assertThat(text).doesNotContain("timezone");
        assertOtherCommentsKept(text);
    }

    @Test
    void aNoOpEditLeavesTheFileByteIdentical() throws Exception {
        String text = apply("- {op: default, file: p.yml, pointer: /name, value: Bob}\n- {op: set, file: p.yml, pointer: /updates/channel, value: beta}");
        assertThat(text).isEqualTo(CONFIG);
    }
}
