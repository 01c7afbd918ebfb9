package dev.telec.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.testing.RecordingMigration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point as an app's updater uses it, with each kind of step source. */
class TelecTest {

    @TempDir
    Path tmp;

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    private Path manifest(String... entries) throws IOException {
        Path dir = tmp.resolve("manifest");
        for (String entry : entries) {
            Path file = dir.resolve(entry);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "class: " + RecordingMigration.class.getName() + "\n");
        }
        return dir;
    }

    @Test
    void migratesAHomeFromADirectoryAndReturnsTheReportWithoutPrinting() throws IOException {
        Path manifest = manifest("v1.0.0/001_a.yaml", "v1.1.0/001_b.yaml", "v1.2.0/001_c.yaml");
        Path home = home();
        MigrateUseCase migrator = Telec.migrator();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MigrationReport report;
        System.setOut(new PrintStream(captured));
        System.setErr(new PrintStream(captured));
        try {
            report = migrator.migrate(MigrateCommand.of(home, StepSource.directory(manifest)).to(Version.parse("1.1.0")));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        assertThat(captured.size()).isZero();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).extracting(s -> s.id().toString()).containsExactly("1.0.0/001_a", "1.1.0/001_b");
        assertThat(RecordingMigration.marker(home, "1.2.0/001_c")).doesNotExist();

        MigrationReport rest = migrator.migrate(MigrateCommand.of(home, StepSource.directory(manifest)));
        assertThat(rest.from()).hasToString("1.1.0");
        assertThat(rest.steps()).extracting(StepResult::outcome).containsExactly(StepOutcome.APPLIED);
    }

    @Test
    void runsOnlyTheStepsOfTheClassPathRootItNames() throws IOException {
        // this class path also holds migrations/postgres/V1__init.sql (a Flyway-style tree): never read
        Path home = home();

        MigrationReport report = Telec.migrator().migrate(MigrateCommand.of(home, StepSource.classPath("probe/migrations/")));

        assertThat(report.succeeded()).as(report.error().orElse("")).isTrue();
        assertThat(report.steps()).extracting(s -> s.id().toString())
                .containsExactly("1.0.0/001_create_config", "1.1.0/001_rename_channel_key");
        assertThat(Files.readString(home.resolve("config.json"))).contains("\"channel\"").contains("stable");
    }

    @Test
    void aDryRunOfAClassPathRootSimulatesAndWritesNothing() throws IOException {
        Path home = home();

        MigrationReport report = Telec.dryRunner()
                .dryRun(DryRunCommand.of(MigrateCommand.of(home, StepSource.classPath("probe/migrations/"))));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.simulated()).isTrue();
        assertThat(report.applied()).isEqualTo(2);
        try (var left = Files.list(home)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void runsStepObjectsPassedWithTheirIds() throws IOException {
        Path home = home();
        Map<MigrationId, Migration> steps = new LinkedHashMap<>();
        steps.put(MigrationId.parse("2.0.0/001_write_marker"), new Migration() {
            @Override
            public boolean check(MigrationContext context) {
                return Files.exists(context.home().resolve("marker"));
            }

            @Override
            public boolean migrate(MigrationContext context) throws IOException {
                Files.writeString(context.home().resolve("marker"), context.id());
                return true;
            }
        });

        MigrationReport report = Telec.migrator().migrate(MigrateCommand.of(home, StepSource.migrations(steps)));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.to()).hasToString("2.0.0");
        assertThat(Files.readString(home.resolve("marker"))).isEqualTo("2.0.0/001_write_marker");
        MigrationReport again = Telec.migrator().migrate(MigrateCommand.of(home, StepSource.migrations(steps)));
        assertThat(again.from()).hasToString("2.0.0");
        assertThat(again.steps()).isEmpty();
    }

    @Test
    void aFailingStepIsInTheReportNotThrown() throws IOException {
        Map<MigrationId, Migration> steps = new LinkedHashMap<>();
        steps.put(MigrationId.parse("1.0.0/001_ok"), new RecordingMigration());
        steps.put(MigrationId.parse("1.0.0/002_will_fail"), new Migration() {
            @Override
            public boolean check(MigrationContext context) {
                return false;
            }

            @Override
            public boolean migrate(MigrationContext context) {
                throw new IllegalStateException("disk on fire");
            }
        });

        MigrationReport report = Telec.migrator().migrate(MigrateCommand.of(home(), StepSource.migrations(steps)));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith("1.0.0/002_will_fail: migrate()")
                .contains("disk on fire"));
    }

    @Test
    void validateGivesALibraryCallerTheDryRunsWarningsAsTheCommandLineShowsThem() throws IOException {
        Path manifest = tmp.resolve("manifest");
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.writeString(manifest.resolve("v1.0.0/001_typo.yaml"), "operations:\n  - op: remove\n    file: settings.yml\n    pointer: /legacy\n");
        Path home = home();
        Files.writeString(home.resolve("settings.yaml"), "legacy: 1\n");

        Validation v = Telec.operations().validate().validate(new ValidateCommand(Optional.of(home), Optional.of(manifest), false));

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).containsExactly(new Validation.Warning(Optional.of("1.0.0/001_typo"), Validation.WarningKind.NOTE,
                "settings.yml does not exist (remove, operation 1)"));
        assertThat(home.resolve("migration_state.json")).as("validate writes nothing").doesNotExist();
        assertThat(home.resolve("settings.yaml")).hasContent("legacy: 1\n");
    }

    @Test
    void aBadManifestThrowsBeforeAnythingRuns() throws IOException {
        Path manifest = manifest("v1.0.0/001_ok.yaml");
        Files.createDirectories(manifest.resolve("1.1.0"));
        Path home = home();

        assertThatThrownBy(() -> Telec.migrator().migrate(MigrateCommand.of(home, StepSource.directory(manifest))))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("1.1.0");
        try (var left = Files.list(home)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theBundledTeleClaudeStepsAreNotOnALibraryCallersClassPath() throws IOException {
        assertThat(getClass().getClassLoader().getResource(StepSource.BUNDLED_ROOT)).isNull();
        assertThatThrownBy(() -> Telec.migrator().migrate(MigrateCommand.of(home())))
                .isInstanceOf(ManifestException.class)
                .hasMessage("classpath:dev/telec/steps/teleclaude/: no such folder on the class path");
    }

    @Test
    void theArtifactBringsNoCommandLineNoPicocliAndNoGuice() {
        for (String name : new String[] {"dev.telec.migrate.internal.adapter.in.cli.Main", "picocli.CommandLine",
                "com.google.inject.Guice"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
