package dev.telec.migrate.internal.adapter.out.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.AppName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileFileTest {

    @TempDir
    Path tree;

    Optional<AppProfile> profile(String text) throws IOException {
        Files.writeString(tree.resolve("telec.yaml"), text);
        return new FileManifests().profile(StepSource.directory(tree));
    }

    @Test
    void readsAppHomeAndHomeEnv() throws IOException {
        assertThat(profile("# mine\napp: my-app.2\nhome: ~/.myapp\nhome_env: MYAPP_HOME\n"))
                .contains(AppProfile.of(AppName.of("my-app.2")).home("~/.myapp").homeVariable("MYAPP_HOME"));
        assertThat(profile("app: x\n")).contains(AppProfile.of(AppName.of("x")));
    }

    @Test
    void readsHowManyBackupsToKeepAndTheLimitOfAScriptStepsSnapshot() throws IOException {
        assertThat(profile("app: x\nkeep_backups: 2\nbackup_limit: 512M\n"))
                .contains(AppProfile.of(AppName.of("x")).keepBackups(2).backupLimit(512L << 20));
        assertThat(profile("app: x\nkeep_backups: 0\nbackup_limit: \"1 GiB\"\n"))
                .contains(AppProfile.of(AppName.of("x")).keepBackups(0).backupLimit(1L << 30));
    }

    @Test
    void aTreeWithoutProfileHasNoneAndItsEntriesStillLoad() throws IOException {
        Files.createDirectories(tree.resolve("v1.0.0"));
        Files.writeString(tree.resolve("v1.0.0/001_a.yaml"), "operations:\n  - op: mkdir\n    path: a\n");

        assertThat(new FileManifests().profile(StepSource.directory(tree))).isEmpty();
        assertThat(new FileManifests().load(StepSource.directory(tree)).profile()).isEmpty();
    }

    @Test
    void theProfileIsNotAnEntryAndComesWithTheManifest() throws IOException {
        Files.createDirectories(tree.resolve("v1.0.0"));
        Files.writeString(tree.resolve("v1.0.0/001_a.yaml"), "operations:\n  - op: mkdir\n    path: a\n");
        Files.writeString(tree.resolve("telec.yaml"), "app: myapp\n");

        var manifest = new FileManifests().load(StepSource.directory(tree));

        assertThat(manifest.entries()).hasSize(1);
        assertThat(manifest.profile()).contains(AppProfile.of(AppName.of("myapp")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "home: ~/.x                       | app: is missing",
        "app: MyApp                       | app: not an app name: 'MyApp'",
        "app: -x                          | app: not an app name: '-x'",
        "app: x\\nhomedir: /srv           | unknown key 'homedir' (known keys: app, home, home_env, python, sandbox, step_timeout, keep_backups, backup_limit)",
        "app: x\\nhome:                   | home: has no value",
        "app: x\\nhome: ~bob/x            | home: '~bob/x': only a leading ~ or ~/ ($HOME) is expanded, not ~user",
        "app: x\\nhome_env: MY-HOME       | home_env: 'MY-HOME' is not an environment variable name",
        "app: x\\nhome_env: [A, B]        | home_env: must be a single value, not a list",
        "app: {name: x}                   | app: must be a single value, not a mapping",
        "app: x\\napp: y                  | app: appears twice",
        "app: x\\nkeep_backups: -1        | keep_backups: '-1' is not a number of backups to keep (0 or more, like 5)",
        "app: x\\nkeep_backups: five      | keep_backups: 'five' is not a number of backups to keep",
        "app: x\\nbackup_limit: lots      | backup_limit: not a size: 'lots' (bytes, or a number with K, M or G, like 256M)",
        "app: x\\nbackup_limit: 10PB      | backup_limit: not a size: '10PB'",
        "- app: x                         | the profile must be a mapping",
        "''                               | empty profile",
        "app: x\\n---\\napp: y            | more than one YAML document",
        "app: \"x                         | malformed YAML",
    })
    void aBadProfileIsAOneLineErrorNamingTheFile(String text, String message) {
        String yaml = text.replace("\\n", "\n");

        assertThatThrownBy(() -> profile(yaml))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(tree.resolve("telec.yaml") + ": " + message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aProfileThatIsADirectoryIsAnError() throws IOException {
        Files.createDirectories(tree.resolve("telec.yaml"));

        assertThatThrownBy(() -> new FileManifests().profile(StepSource.directory(tree)))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(tree.resolve("telec.yaml") + ": not a file");
    }

    /** The plain-line reader and the YAML parser agree wherever the plain one answers; elsewhere YAML decides. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "app: teleclaude\nhome: ~/.teleclaude\nhome_env: TELECLAUDE_HOME\n",
        "# profile\n\napp: myapp   # the app\nhome: /srv/my-app/2.0+x@y=z\n",
        "app: x#y\n",
        "app: x\nhome: ~\n",
        "app: x\nhome: null\n",
        "app: x\nhome: 'quoted # not a comment'\n",
        "app: x\nhome: /a b/c\n",
        "app: x\r\nhome: /srv\r\n",
        "\uFEFFapp: x\n",
        "app:x\n",
        "  app: x\n",
        "app: 8080\n",
        "app: x\nhome_env: A\nhome: -x\n",
    })
    void thePlainReaderAgreesWithYaml(String text) {
        Location where = Location.labelled("telec.yaml");
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, String> plain = ProfileFile.simpleValues(where, bytes);
        Object yaml;
        try {
            yaml = ProfileFile.yamlValues(where, bytes);
        } catch (ManifestException e) {
            yaml = e.getMessage();
        }
        if (plain != null) assertThat(plain).isEqualTo(yaml);
    }

    @Test
    void theProfilesWeShipAreReadWithoutTheYamlParser() throws IOException {
        for (Path file : new Path[] {Path.of("..", "migrations", "src", "main", "resources", "dev", "telec", "steps", "teleclaude", "telec.yaml"),
                Path.of("..", "examples", "myapp", "migrations", "telec.yaml"),
                Path.of("..", "examples", "scripted-app", "migrations", "telec.yaml")}) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(ProfileFile.simpleValues(Location.of(file), bytes)).as(file.toString())
                    .isNotNull().isEqualTo(ProfileFile.yamlValues(Location.of(file), bytes));
        }
    }
}
