package dev.telec.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.application.TelecException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.steps.MarkerStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point as an app's updater uses it. */
class TelecTest {

    @TempDir
    Path tmp;

    private Path manifest(String... entries) throws IOException {
        Path dir = tmp.resolve("manifest");
        for (String entry : entries) {
            Path file = dir.resolve(entry);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "class: " + MarkerStep.class.getName() + "\n");
        }
        return dir;
    }

    @Test
    void migratesAHomeAndReturnsTheReportWithoutPrinting() throws IOException {
        Path manifest = manifest("v1.0.0/001_a.yaml", "v1.1.0/001_b.yaml", "v1.2.0/001_c.yaml");
        Path home = tmp.resolve("home");
        MigrateUseCase migrator = Telec.migrator();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        MigrationReport report;
        System.setOut(new PrintStream(captured));
        try {
            report = migrator.migrate(MigrateCommand.of(home).migrations(manifest).to(Version.parse("1.1.0")));
        } finally {
            System.setOut(stdout);
        }

        assertThat(captured.size()).isZero();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).extracting(s -> s.id().toString()).containsExactly("1.0.0/001_a", "1.1.0/001_b");
        assertThat(MarkerStep.marker(home, "1.2.0/001_c")).doesNotExist();

        MigrationReport rest = migrator.migrate(MigrateCommand.of(home).migrations(manifest));
        assertThat(rest.from()).hasToString("1.1.0");
        assertThat(rest.steps()).extracting(StepResult::outcome).containsExactly(StepOutcome.APPLIED);
    }

    @Test
    void aFailingStepIsInTheReportNotThrown() throws IOException {
        Path manifest = manifest("v1.0.0/001_ok.yaml", "v1.0.0/002_will_fail.yaml");

        MigrationReport report = Telec.migrator().migrate(MigrateCommand.of(tmp.resolve("home")).migrations(manifest));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith("1.0.0/002_will_fail: migrate() failed"));
    }

    @Test
    void aBadManifestThrowsBeforeAnythingRuns() throws IOException {
        Path manifest = manifest("v1.0.0/001_ok.yaml");
        Files.createDirectories(manifest.resolve("1.1.0"));
        Path home = tmp.resolve("home");

        assertThatThrownBy(() -> Telec.migrator().migrate(MigrateCommand.of(home).migrations(manifest)))
                .isInstanceOf(TelecException.ManifestException.class)
                .hasMessageContaining("1.1.0");
        assertThat(home).doesNotExist();
    }
}
