package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Failure;
import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Write;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code restore --dry-run} on Jimfs: the diff a restore would make, as a dry-run shows a step's, and nothing written. */
class RestorePreviewTest {

    final FileSystem fs = Homes.jimfs();
    Path home;

    @BeforeEach
    void aRunThatChangedTheHome() throws IOException {
        home = fs.getPath("/srv/home");
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("sessions"));
        Files.writeString(home.resolve("config.yaml"), "port: 80\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("data/old.txt"), "old\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("sessions/a.json"), "{}\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve(".env"), "API_TOKEN=before\nNAME=bot\n", StandardCharsets.UTF_8);
        Files.write(home.resolve("blob.bin"), new byte[] {0, 1, 2});
        List<Write> writes = List.of(
                new Write("write", "config.yaml", "", "port: 8080\n"),
                new Write("chmod", "config.yaml", "", "rw-------"),
                new Write("delete", "data/old.txt", "", ""),
                new Write("write", "notes/readme.txt", "", "hello\n"),
                new Write("write", ".env", "", "API_TOKEN=after\nNAME=bot\n"),
                new Write("write", "blob.bin", "", "\0\0"),
                new Write("move", "sessions/a.json", "a.json", ""));
        MigrationId id = new MigrationId(Version.parse("1.0.0"), 1, "changes");
        Homes.runner(List.of(new Homes.Entry(id, () -> new RandomStep("done", writes, 0, Failure.NONE))))
                .migrate(MigrateCommand.of(home));
        assertThat(home.resolve("notes/readme.txt")).exists();
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private List<Change> preview(DryRunOptions options) {
        return new Restorer(new FileBackups(Homes.CLOCK), HomeLocks.NONE)
                .restore(new RestoreCommand(home, Optional.empty(), true, Duration.ZERO, options)).changes();
    }

    private static String diffOf(List<Change> changes, String path) {
        return changes.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow().diff().orElse(null);
    }

    @Test
    void aDryRunShowsEveryChangeWithItsDiffAndWritesNothing() throws IOException {
        Map<String, String> before = Homes.everything(fs);

        List<Change> changes = preview(DryRunOptions.DEFAULT);

        assertThat(changes).extracting(c -> c.kind().wireName() + " " + c.path() + c.to().map(t -> " -> " + t).orElse(""))
                .containsExactly("modified .env", "moved a.json -> sessions/a.json", "modified blob.bin", "modified config.yaml",
                        "created data/old.txt", "deleted done", "deleted migration_state.json", "deleted notes/",
                        "deleted notes/readme.txt");
        assertThat(diffOf(changes, "config.yaml"))
                .isEqualTo("mode 0600 -> 0644\n--- a/config.yaml\n+++ b/config.yaml\n@@ -1,1 +1,1 @@\n-port: 8080\n+port: 80");
        assertThat(diffOf(changes, "data/old.txt")).isEqualTo("--- /dev/null\n+++ b/data/old.txt\n@@ -1,0 +1,1 @@\n+old");
        assertThat(diffOf(changes, "notes/readme.txt")).isEqualTo("--- a/notes/readme.txt\n+++ /dev/null\n@@ -1,1 +1,0 @@\n-hello");
        assertThat(diffOf(changes, "notes/")).isNull();
        assertThat(diffOf(changes, ".env")).contains("-API_TOKEN=***\n+API_TOKEN=***\n NAME=bot").doesNotContain("before", "after");
        assertThat(diffOf(changes, "blob.bin")).isEqualTo("binary differs");
        assertThat(Homes.everything(fs)).as("the home, its state, .telec/ and no lock, byte for byte").isEqualTo(before);
    }

    @Test
    void withoutDiffsOnlyThePathsAndWithShowSecretsTheValues() {
        assertThat(preview(DryRunOptions.DEFAULT.diffs(false))).allMatch(c -> c.diff().isEmpty());
        assertThat(diffOf(preview(DryRunOptions.DEFAULT.showSecrets(true)), ".env")).contains("-API_TOKEN=after\n+API_TOKEN=before");
        assertThat(diffOf(preview(DryRunOptions.DEFAULT.secretWords(List.of("name"))), ".env"))
                .contains("+API_TOKEN=before").contains(" NAME=***");
    }

    @Test
    void anOwnerOrModeChangedSinceTheRunIsShownEvenWhenTheContentIsTheSame() throws IOException {
        Path data = home.resolve("data");
        Files.setOwner(data, fs.getUserPrincipalLookupService().lookupPrincipalByName("mallory"));
        Files.setPosixFilePermissions(home.resolve("sessions"), PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(home.resolve(".env"), fs.getUserPrincipalLookupService().lookupPrincipalByName("mallory"));

        List<Change> changes = preview(DryRunOptions.DEFAULT);

        // data/ is not in the run's pre-images (the step only deleted a file in it): a restore leaves it as it is
        assertThat(changes).extracting(Change::path).doesNotContain("data/");
        assertThat(diffOf(changes, ".env")).startsWith("owner mallory:group -> user:group\n--- a/.env\n");
    }

    @Test
    void aRealRestoreReportsTheSamePathsAndKindsAsItsDryRun() {
        List<Change> dry = preview(DryRunOptions.DEFAULT);

        List<Change> real = new Restorer(new FileBackups(Homes.CLOCK), HomeLocks.NONE).restore(RestoreCommand.of(home)).changes();

        assertThat(real).allMatch(c -> c.diff().isEmpty());
        assertThat(real).extracting(c -> c.kind() + " " + c.path() + c.to()).isEqualTo(dry.stream().map(c -> c.kind() + " " + c.path() + c.to()).toList());
        assertThat(home.resolve("notes")).doesNotExist();
        assertThat(home.resolve("sessions/a.json")).exists();
    }
}
