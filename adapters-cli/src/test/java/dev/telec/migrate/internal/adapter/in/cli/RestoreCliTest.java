package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** telec restore and the rollback of a failed step, through the command line with the production wiring. */
class RestoreCliTest {

    @TempDir
    Path tmp;
    Path home;
    Path manifest;

    @BeforeEach
    void homeAndManifest() throws IOException {
        home = tmp.resolve("home");
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("config.yaml"), "port: 80\n");
        Files.setPosixFilePermissions(home.resolve("config.yaml"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(home.resolve("data/old.txt"), "old\n");
        manifest = tmp.resolve("manifest");
        entry("v1.1.0/001_notes.yaml", "operations:\n  - {op: write, path: notes/readme.txt, content: \"hello\\n\"}\n");
        entry("v1.1.0/002_old.yaml", "operations:\n  - {op: delete, path: data/old.txt}\n");
    }

    private void entry(String path, String text) throws IOException {
        Path file = manifest.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Result telec(String... args) {
        return CliRun.telec(Map.of(), tmp.resolve("user"), args);
    }

    private Result migrate(String... extra) {
        return telec(Stream.concat(Stream.of("migrate", "--home", home.toString(), "--migrations", manifest.toString()),
                Stream.of(extra)).toArray(String[]::new));
    }

    private Result restore(String... extra) {
        return telec(Stream.concat(Stream.of("restore", "--home", home.toString()), Stream.of(extra)).toArray(String[]::new));
    }

    /** Every path but the backups and the lock, with its mode and content: the home as a user sees it. */
    Map<String, String> tree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = home.relativize(p).toString();
                if (rel.startsWith(".telec") || rel.equals(".migration.lock")) continue;
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                tree.put(rel, Files.isDirectory(p) ? "dir " + mode : mode + " " + HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return tree;
    }

    @Test
    void restoreWithoutARunIdPutsTheHomeAndStateBackToBeforeTheLastRun() throws IOException {
        Map<String, String> before = tree();
        assertThat(migrate().code()).isZero();
        assertThat(home.resolve("data/old.txt")).doesNotExist();

        Result r = restore();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("put back to before run ").contains("+ created data/old.txt")
                .contains("- deleted notes/").contains("- deleted migration_state.json");
        assertThat(tree()).isEqualTo(before);
        assertThat(restore("--list").out()).contains("no backups kept");
    }

    @Test
    void restoreOfAnEarlierRunUndoesTheLaterOnesTooAndListShowsThemNewestFirst() throws IOException {
        Map<String, String> before = tree();
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        entry("v1.2.0/001_port.yaml", "operations:\n  - {op: write, path: config.yaml, content: \"port: 8080\\n\"}\n");
        assertThat(migrate().code()).isZero();

        JsonNode list = restore("--list", "--json").json();
        assertThat(list.get("runs")).hasSize(2);
        assertThat(list.get("runs").get(0).get("from").asText()).isEqualTo("1.1.0");
        assertThat(list.get("runs").get(0).get("to").asText()).isEqualTo("1.2.0");
        assertThat(list.get("runs").get(0).get("steps").asInt()).isEqualTo(1);
        String first = list.get("runs").get(1).get("id").asText();

        JsonNode dry = restore(first, "--dry-run", "--json").json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("runs")).hasSize(2);
        assertThat(home.resolve("notes/readme.txt")).exists();

        Result r = restore(first, "--json");

        assertThat(r.code()).as(r.err()).isZero();
        java.util.function.Function<JsonNode, List<String>> kinds = changes -> java.util.stream.StreamSupport
                .stream(changes.spliterator(), false).map(c -> c.get("kind").asText() + " " + c.get("path").asText()).toList();
        assertThat(kinds.apply(r.json().get("changes"))).isEqualTo(kinds.apply(dry.get("changes")));
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void aFailedDeclarativeStepIsRolledBackAndTheJsonSaysSo() throws IOException {
        entry("v1.1.0/003_fails.yaml", "operations:\n  - {op: write, path: config.yaml, content: \"port: 1\\n\"}\n"
                + "  - {op: set, file: broken.json, pointer: /a, value: 1}\n");
        Files.writeString(home.resolve("broken.json"), "{not json");
        Result r = migrate("--json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode failed = r.json().get("steps").get(2);
        assertThat(failed.get("outcome").asText()).isEqualTo("failed");
        assertThat(failed.get("rolled_back").asBoolean()).isTrue();
        assertThat(r.err()).contains("1.1.0/003_fails: ").endsWith("; its changes were rolled back" + System.lineSeparator());
        assertThat(Files.readString(home.resolve("config.yaml"))).isEqualTo("port: 80\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config.yaml")))).isEqualTo("rw-r-----");
        assertThat(home.resolve("notes/readme.txt")).exists(); // the steps before it stay applied
        assertThat(home.resolve("data/old.txt")).doesNotExist();
    }

    @Test
    void withNoRollbackTheFailedStepsChangesStay() throws IOException {
        entry("v1.1.0/003_fails.yaml", "operations:\n  - {op: write, path: config.yaml, content: \"port: 1\\n\"}\n"
                + "  - {op: set, file: broken.json, pointer: /a, value: 1}\n");
        Files.writeString(home.resolve("broken.json"), "{not json");

        Result r = migrate("--no-rollback", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("steps").get(2).get("rolled_back").asBoolean()).isFalse();
        assertThat(Files.readString(home.resolve("config.yaml"))).isEqualTo("port: 1\n");
    }

    @Test
    void noBackupKeepsNoneAndSaysSo() throws IOException {
        Result r = migrate("--no-backup");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("note: no backup was taken: no pre-images were saved; this run cannot be rolled back or restored");
        assertThat(home.resolve(".telec/backups")).doesNotExist();
        Result refused = restore();
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("no backups to restore from");
    }

    @Test
    void migrateRefusesWhileARestoreIsUnfinishedAndTheNextRestoreFinishesIt() throws IOException {
        Map<String, String> before = tree();
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        String id = restore("--list", "--json").json().get("runs").get(0).get("id").asText();
        // as a restore killed after it wrote its marker and before it changed anything
        Files.writeString(home.resolve(".telec/restore.pending"), "restoring\n" + id + "\n");
        entry("v1.2.0/001_port.yaml", "operations:\n  - {op: write, path: config.yaml, content: \"port: 8080\\n\"}\n");

        Result refused = migrate();
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("a restore of this home was interrupted; run telec restore to finish it first");

        Result finished = restore();
        assertThat(finished.code()).as(finished.err()).isZero();
        assertThat(finished.out()).contains("finished the interrupted restore");
        assertThat(tree()).isEqualTo(before);
        assertThat(home.resolve(".telec/restore.pending")).doesNotExist();
    }

    @Test
    void keepBackupsPrunesOlderRunsAfterASuccessfulRun() throws IOException {
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        for (int v = 2; v <= 4; v++) {
            entry("v1." + v + ".0/001_s.yaml", "operations:\n  - {op: write, path: s" + v + ".txt, content: x}\n");
            assertThat(migrate("--keep-backups", "2").code()).isZero();
        }
        assertThat(restore("--list", "--json").json().get("runs")).hasSize(2);
    }

    @Test
    void keepBackupsInTheAppProfileSaysHowManyRunsAreKeptAndTheFlagOverridesIt() throws IOException {
        Files.writeString(manifest.resolve("telec.yaml"), "app: myapp\nkeep_backups: 1\n");
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        for (int v = 2; v <= 3; v++) {
            entry("v1." + v + ".0/001_s.yaml", "operations:\n  - {op: write, path: s" + v + ".txt, content: x}\n");
            assertThat(migrate().code()).isZero();
        }
        assertThat(restore("--list", "--json").json().get("runs")).hasSize(1);

        for (int v = 4; v <= 6; v++) {
            entry("v1." + v + ".0/001_s.yaml", "operations:\n  - {op: write, path: s" + v + ".txt, content: x}\n");
            assertThat(migrate("--keep-backups", "3").code()).isZero();
        }
        assertThat(restore("--list", "--json").json().get("runs")).hasSize(3);
    }

    @Test
    void aRestoreWritesWhatItUndidIntoTheHistoryOfTheStateItPutBack() throws IOException {
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        entry("v1.2.0/001_more.yaml", "operations:\n  - {op: write, path: more.txt, content: x}\n");
        assertThat(migrate().code()).isZero();

        Result r = restore();

        assertThat(r.code()).as(r.err()).isZero();
        var state = new dev.telec.migrate.internal.adapter.out.state.JsonStateStore().load(home);
        assertThat(state.applied()).containsExactly("1.1.0/001_notes", "1.1.0/002_old");
        var last = state.history().get(state.history().size() - 1);
        assertThat(last.id()).isEqualTo("1.2.0/001_more");
        assertThat(last.outcome().wireName()).isEqualTo("undone");
        assertThat(state.history()).filteredOn(e -> e.outcome().wireName().equals("undone")).hasSize(1);
    }

    @Test
    void aDryRunNeitherCopiesNorShowsTheBackups() throws IOException {
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        entry("v1.2.0/001_all.yaml", "operations:\n  - {op: delete, path: \"*\"}\n");

        Result r = migrate("--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(".telec").contains("- deleted config.yaml");
    }

    /** Every path of the home, telec's own included, with its mode, mtime and content: what nothing may change. */
    private Map<String, String> everything() throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String stamp = PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + Files.getLastModifiedTime(p).toMillis();
                all.put(home.relativize(p).toString(), Files.isDirectory(p) ? "dir " + stamp
                        : stamp + " " + HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return all;
    }

    /** A run that changes config.yaml and a secret, creates notes/readme.txt, deletes data/old.txt. */
    private void aRunThatChangesDeletesAndCreates() throws IOException {
        Files.writeString(home.resolve("secrets.yaml"), "api_token: old-secret-value\nname: bot\n");
        entry("v1.1.0/003_port.yaml", "operations:\n  - {op: write, path: config.yaml, content: \"port: 8080\\n\"}\n"
                + "  - {op: set, file: secrets.yaml, pointer: /api_token, value: new-secret-value}\n");
        Result run = migrate();
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void aDryRunShowsTheDiffTheRestoreWouldMakeAndChangesNothing() throws IOException {
        aRunThatChangesDeletesAndCreates();
        Map<String, String> after = everything();

        Result r = restore("--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("a restore would put it back to before run ").contains("(dry run: nothing is changed)")
                .contains("    ~ modified config.yaml\n        --- a/config.yaml\n        +++ b/config.yaml\n")
                .contains("        -port: 8080\n        +port: 80\n")
                // what the run created, the restore deletes; what the run deleted, it creates again
                .contains("    - deleted notes/readme.txt\n        --- a/notes/readme.txt\n        +++ /dev/null\n")
                .contains("        -hello\n")
                .contains("    - deleted notes/\n")
                .contains("    + created data/old.txt\n        --- /dev/null\n        +++ b/data/old.txt\n")
                .contains("        +old\n")
                .contains("        -api_token: ***\n        +api_token: ***\n")
                .doesNotContain("secret-value");
        assertThat(everything()).as("the home, its state and .telec/ byte for byte, no lock left").isEqualTo(after);
    }

    @Test
    void aDryRunInJsonIsOneDocumentWithTheChangesAndTheirDiffs() throws IOException {
        aRunThatChangesDeletesAndCreates();
        Map<String, String> after = everything();

        Result r = restore("--dry-run", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("error").isNull()).isTrue();
        Map<String, JsonNode> byPath = new TreeMap<>();
        doc.get("changes").forEach(c -> byPath.put(c.get("path").asText(), c));
        assertThat(byPath).containsKeys("config.yaml", "data/old.txt", "notes/", "notes/readme.txt", "secrets.yaml", "migration_state.json");
        assertThat(byPath.get("config.yaml").get("kind").asText()).isEqualTo("modified");
        assertThat(byPath.get("config.yaml").get("diff").asText()).contains("-port: 8080\n+port: 80");
        assertThat(byPath.get("notes/readme.txt").get("kind").asText()).isEqualTo("deleted");
        assertThat(byPath.get("data/old.txt").get("kind").asText()).isEqualTo("created");
        assertThat(byPath.get("notes/").get("diff").isNull()).isTrue();
        assertThat(byPath.get("secrets.yaml").get("diff").asText()).contains("+api_token: ***").doesNotContain("secret-value");
        assertThat(r.out().strip()).doesNotContain("\n"); // one document, one line
        assertThat(everything()).isEqualTo(after);
    }

    @Test
    void showSecretsNoDiffAndSecretWordsWorkAsForMigrate() throws IOException {
        aRunThatChangesDeletesAndCreates();

        assertThat(restore("--dry-run", "--show-secrets").out())
                .contains("-api_token: new-secret-value").contains("+api_token: old-secret-value");
        assertThat(restore("--dry-run", "--secret-words", "name").out())
                .contains("+api_token: old-secret-value").doesNotContain("name: bot");
        Result noDiff = restore("--dry-run", "--no-diff");
        assertThat(noDiff.out()).contains("~ modified config.yaml").doesNotContain("port: 8080").doesNotContain("@@");
        assertThat(restore("--dry-run", "--no-diff", "--json").json().get("changes").get(0).get("diff").isNull()).isTrue();
    }

    @Test
    void aModeChangedSinceTheRunIsShownAsAModeLine() throws IOException {
        aRunThatChangesDeletesAndCreates();
        Files.setPosixFilePermissions(home.resolve("config.yaml"), PosixFilePermissions.fromString("rw-------"));

        Result r = restore("--dry-run");

        assertThat(r.out()).contains("    ~ modified config.yaml\n        mode 0600 -> 0640\n        --- a/config.yaml\n");
    }

    @Test
    void diffFlagsWithoutDryRunAndFlagsThatMeanNothingAreUsageErrors() throws IOException {
        aRunThatChangesDeletesAndCreates();
        Map<String, String> after = everything();

        for (String[] args : List.of(new String[] {"--no-diff"}, new String[] {"--show-secrets"}, new String[] {"--secret-words", "x"},
                new String[] {"--dry-run", "--wait", "5"}, new String[] {"--dry-run", "--no-diff", "--show-secrets"},
                new String[] {"--allow-insecure-migrations"}, new String[] {"--dry-run", "--secret-words", ","})) {
            Result r = restore(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
        }
        assertThat(everything()).isEqualTo(after);
    }

    @Test
    void anErrorWithJsonIsTheRestoresDocumentWithTheError() throws IOException {
        Result r = restore("--dry-run", "--json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode doc = r.json();
        assertThat(doc.get("error").asText()).contains("no backups to restore from");
        assertThat(doc.get("changes")).isEmpty();
        assertThat(doc.get("runs")).isEmpty();
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void aRealRunsWildcardNeverReachesTheBackupsAndAStepMayNotWriteThere() throws IOException {
        assertThat(migrate("--to", "1.1.0").code()).isZero();
        entry("v1.2.0/001_all.yaml", "operations:\n  - {op: delete, path: \"*\"}\n");
        Result all = migrate("--to", "1.2.0");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(home.resolve("config.yaml")).doesNotExist();
        assertThat(restore("--list", "--json").json().get("runs")).hasSize(2);

        entry("v1.3.0/001_into.yaml", "operations:\n  - {op: write, path: .telec/mine.txt, content: x}\n");
        Result into = migrate();
        assertThat(into.code()).isEqualTo(1);
        assertThat(into.err()).contains("1.3.0/001_into: ").contains("telec keeps its backups there; a step may not change it");
        assertThat(home.resolve(".telec/mine.txt")).doesNotExist();
    }
}
