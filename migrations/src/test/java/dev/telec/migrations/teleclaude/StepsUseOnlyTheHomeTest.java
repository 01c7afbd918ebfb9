package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.spi.Migration;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The steps derive every path from {@code context.home()}: run against a Jimfs home whose path does not exist
 * on the default file system, they succeed, and nothing appears in the working directory or at that path on
 * the default file system.
 */
class StepsUseOnlyTheHomeTest {

    @Test
    void steps_touch_only_the_jimfs_home_never_the_default_filesystem_or_working_directory() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> cwdBefore = listing(cwd);

        try (FileSystem fs = TestHomes.jimfs()) {
            Path home = TestHomes.home(fs);
            assertThat(Path.of(home.toString())).as("home path on the default FS").doesNotExist();
            write(home.resolve("config.json"), "{\"legacy_feature_toggle\": true}");
            write(home.resolve("sessions/s.json"), "{}");
            write(home.resolve("todos/t/state.json"), "{\"phase\": \"build\"}");

            for (BundledManifest.Entry entry : BundledManifest.entries()) {
                Migration step = (Migration) Class.forName(entry.className()).getConstructor().newInstance();
                var ctx = context(home, entry.id().toString());
                assertThat(step.check(ctx)).isFalse();
                assertThat(step.migrate(ctx)).isTrue();
                assertThat(step.check(ctx)).isTrue();
            }
            assertThat(TestHomes.tree(home)).containsKeys("config.json", "state/sessions/s.json", "todos/t/state.yaml");
            assertThat(Path.of(home.toString())).as("home path on the default FS").doesNotExist();
        }
        assertThat(listing(cwd)).isEqualTo(cwdBefore);
        for (String name : new String[] {"config.json", "sessions", "state", "todos"}) {
            assertThat(cwd.resolve(name)).doesNotExist();
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
