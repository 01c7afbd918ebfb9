package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Declarative steps under crashes: the same sweep as {@link CrashConsistencyTest}, but with a manifest of
 * declarative operations (file and document operations) read by the real {@link FileManifests}, so that the
 * durability of their effects (forced files, directory syncs deferred to the state store's next write) is
 * proven against a crash that drops unforced data and every directory change no sync covered.
 */
class DeclarativeCrashConsistencyTest {

    private static final Map<String, String> MANIFEST = new TreeMap<>(Map.of(
            "v1.1.0/001_logs.yaml", "operations:\n  - {op: mkdir, path: logs/archive}\n",
            "v1.1.0/002_notes.yaml", "operations:\n  - {op: write, path: notes/readme.txt, content: \"hello\\n\"}\n",
            "v1.1.0/003_channel.yaml", "operations:\n  - {op: set, file: config.json, pointer: /updates/channel, value: stable}\n",
            "v1.2.0/001_sessions.yaml", "operations:\n  - {op: move, from: sessions, to: state/sessions}\n",
            "v1.2.0/002_chat.yaml", "operations:\n  - {op: rename_key, file: people/*/t.yml, from: /notifications/chat, to: /creds/chat}\n",
            "v1.2.0/003_todos.yaml", "operations:\n  - {op: convert, from: todos/*/state.json, to: \"todos/{1}/state.yaml\"}\n",
            "v1.3.0/001_backup.yaml", "operations:\n  - {op: copy, from: state/sessions, to: backup/sessions}\n",
            "v1.3.0/002_old.yaml", "operations:\n  - {op: delete, path: old}\n"));

    /** One simulated machine: the home as installed and the manifest, durable before the run starts. */
    static final class Machine {
        final FaultyFileSystem fs;
        final Path home;
        final Path manifest;

        Machine() throws IOException {
            FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());
            Path h = jimfs.getPath("/home/app/.teleclaude");
            write(h.resolve("config.json"), "{\n  \"bot\": \"tc\"\n}\n");
            write(h.resolve("sessions/s1.json"), "{\"id\": 1}\n");
            write(h.resolve("people/al/t.yml"), "# Al\nnotifications:\n  chat: 42   # the group\nname: Al\n");
            write(h.resolve("todos/x/state.json"), "{\"phase\": \"build\"}\n");
            write(h.resolve("old/f.txt"), "stale\n");
            Path m = jimfs.getPath("/opt/telec/manifest");
            for (Map.Entry<String, String> e : MANIFEST.entrySet()) write(m.resolve(e.getKey()), e.getValue());
            fs = FaultyFileSystem.wrap(jimfs);
            home = fs.wrap(h);
            manifest = fs.wrap(m);
        }

        private static void write(Path file, String content) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }

        Injector process() {
            return Guice.createInjector(Modules.override(new TelecModule())
                    .with(b -> b.bind(Clock.class).toInstance(Clock.fixed(CrashConsistencyTest.NOW, ZoneOffset.UTC))));
        }

        Object run() {
            try {
                return process().getInstance(MigrateUseCase.class).migrate(MigrateCommand.of(home).migrations(manifest));
            } catch (TelecException e) {
                return e.getMessage();
            }
        }

        MigrationState state() {
            return process().getInstance(StateStore.class).load(home);
        }

        /** Every file (with its content) and directory of the home but the state store's own and the backups. */
        Map<String, String> tree() throws IOException {
            Map<String, String> tree = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = home.relativize(p).toString();
                    if (name.startsWith("migration_state") || name.equals(".migration.lock") || name.startsWith(".telec")) continue;
                    tree.put(name, Files.isDirectory(p) ? "/" : Files.readString(p));
                }
            }
            return tree;
        }

        /** Every step the state records as in effect still has its effect: its derived check() holds. */
        void assertRecordedStepsInEffect(String at) throws Exception {
            MigrationState state = state();
            Manifest loaded = new FileManifests().load(StepSource.directory(manifest));
            for (Manifest.Entry entry : loaded.entries()) {
                if (!state.isApplied(entry.id())) continue;
                MigrationContext context = new MigrationContext() {
                    public Path home() {
                        return home;
                    }

                    public String id() {
                        return entry.id().toString();
                    }
                };
                assertThat(entry.resolve().check(context)).as("%s is recorded, so its effect survives; %s", entry.id(), at).isTrue();
            }
        }
    }

    @Test
    void aCrashAtAnyOperationLeavesEveryRecordedDeclarativeStepInEffectAndTheRerunCompletesTheHome() throws Exception {
        Machine uninterrupted = new Machine();
        int before = uninterrupted.fs.operationCount();
        Object result = uninterrupted.run();
        assertThat(result).isInstanceOf(MigrationReport.class);
        assertThat(((MigrationReport) result).applied()).isEqualTo(MANIFEST.size());
        int operations = uninterrupted.fs.operationCount() - before;
        Map<String, String> expected = uninterrupted.tree();
        assertThat(expected).containsKeys("logs/archive", "state/sessions/s1.json", "backup/sessions/s1.json",
                "todos/x/state.yaml").doesNotContainKeys("old", "sessions", "todos/x/state.json");

        int recordedAtCrash = 0;
        for (int k = 1; k <= operations; k++) {
            Machine m = new Machine();
            m.fs.crashAt(k);
            m.run();
            m.fs.crash();
            String at = "crash at operation " + k + " of " + operations;
            m.assertRecordedStepsInEffect(at);
            recordedAtCrash += m.state().applied().size();

            Object rerun = m.run();
            assertThat(rerun).as("rerun after %s", at).isInstanceOf(MigrationReport.class);
            assertThat(((MigrationReport) rerun).error()).as("rerun after %s", at).isEmpty();
            assertThat(m.tree()).as("home after the rerun, %s", at).isEqualTo(expected);
            assertThat(m.state().applied()).as(at).hasSize(MANIFEST.size());
            assertThat(m.tree().keySet()).as("no temporary file, %s", at).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(recordedAtCrash).as("some crashes came after steps were recorded").isPositive();
        CrashConsistencyTest.report("crash points covered with declarative steps on Jimfs",
                operations + " of " + operations + " counted operations (100%), every recorded step still in effect, 0 corrupt");
    }
}
