package com.example.myapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.MigrationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater, built against the published telec artifact, runs myapp's steps and only them. */
class UpdaterTest {

    @TempDir
    Path home;

    @Test
    void upgradesAHomeWithOnlyItsOwnStepsAndPrintsNothing() throws Exception {
        Files.createDirectories(home.resolve("cache"));
        Files.writeString(home.resolve("cache/index"), "kept");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MigrationReport report;
        System.setOut(new PrintStream(printed));
        System.setErr(new PrintStream(printed));
        try {
            report = Updater.upgrade(home);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertTrue(report.succeeded(), () -> report.error().orElse(""));
        List<String> ids = report.steps().stream().map(s -> s.id().toString()).toList();
        assertEquals(List.of("2.0.0/001_create_settings", "2.1.0/001_split_cache_dir"), ids);
        assertEquals("2.1.0", report.to().toString());
        assertEquals("kept", Files.readString(home.resolve("var/cache/index")));
        assertTrue(Files.readString(home.resolve("settings.json")).contains("light"));
        assertEquals("", printed.toString());

        MigrationReport again = Updater.upgrade(home);
        assertTrue(again.succeeded());
        assertTrue(again.steps().isEmpty(), "a second run has nothing to do");
    }

    @Test
    void theArtifactBringsNeitherTheCommandLineNorTeleClaudesSteps() {
        assertNull(getClass().getClassLoader().getResource(StepSource.BUNDLED_ROOT), "TeleClaude's steps");
        for (String name : List.of("picocli.CommandLine", "dev.telec.migrate.internal.adapter.in.cli.Main", "com.google.inject.Guice")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
        }
    }
}
