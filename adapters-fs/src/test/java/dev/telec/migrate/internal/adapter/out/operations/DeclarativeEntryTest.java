package dev.telec.migrate.internal.adapter.out.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.spi.Migration;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** operations: entries load through FileManifests and run through the real runner. */
class DeclarativeEntryTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path manifest = fs.getPath("/m");
    private final Path home = fs.getPath("/home");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void aMkdirEntryResolvesToADeclarativeStepThatTheRunnerAppliesOnce() throws Exception {
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.createDirectories(home);
        Files.writeString(manifest.resolve("v1.0.0/001_logs.yaml"),
                "description: archive dir\noperations:\n  - op: mkdir\n    path: logs/archive\n");

        Migration step = new FileManifests().load(StepSource.directory(manifest)).entries().get(0).resolve();
        assertThat(step).isInstanceOf(DeclarativeStep.class);

        MigrationRunner runner = new MigrationRunner(new FileManifests(), new JsonStateStore(), Clock.systemUTC());
        MigrationReport first = runner.migrate(MigrateCommand.of(home).migrations(manifest));
        assertThat(Files.isDirectory(home.resolve("logs/archive"))).isTrue();
        assertThat(first.succeeded()).isTrue();
        assertThat(first.applied()).isEqualTo(1);

        Files.writeString(home.resolve("logs/archive/keep.txt"), "x");
        MigrationReport again = new MigrationRunner(new FileManifests(), new JsonStateStore(), Clock.systemUTC())
                .migrate(MigrateCommand.of(home).migrations(manifest).from(dev.telec.migrate.domain.Version.parse("0.0.0")));
        assertThat(again.succeeded()).isTrue();
        assertThat(again.applied()).isZero();
        assertThat(Files.readString(home.resolve("logs/archive/keep.txt"))).isEqualTo("x");
    }
}
