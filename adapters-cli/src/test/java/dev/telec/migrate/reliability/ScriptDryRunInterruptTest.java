package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry-run on a copy on disk that is interrupted (a real SIGTERM to a child telec) leaves no copy behind. */
class ScriptDryRunInterruptTest {

    @TempDir
    Path work;

    @Test
    void anInterruptedDryRunRemovesItsCopyOfTheHome() throws Exception {
        Path temp = Files.createDirectories(work.resolve("tmp"));
        Path home = Files.createDirectories(work.resolve("home"));
        Files.writeString(home.resolve("data.txt"), "kept\n");
        Path step = work.resolve("manifest/v1.0.0/001_slow.sh");
        Files.createDirectories(step.getParent());
        Files.writeString(step, "#!/bin/sh\ncase \"$1\" in\n  check) [ -f done ] ;;\n"
                + "  migrate) touch started; sleep 2; touch done ;;\nesac\n");
        Files.setPosixFilePermissions(step, PosixFilePermissions.fromString("rwx------"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process telec = new ProcessBuilder(java, "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                "dev.telec.migrate.internal.adapter.in.cli.Main", "migrate", "--dry-run", "--home", home.toString(),
                "--migrations", work.resolve("manifest").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve("stderr.txt").toFile()).start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Optional<Path> started = Optional.empty();
        while (started.isEmpty() && telec.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            started = copies(temp).stream().map(c -> c.resolve("home/started")).filter(Files::exists).findFirst();
        }
        assertThat(started).as("the step started in a copy under %s; stderr: %s", temp,
                Files.readString(work.resolve("stderr.txt"))).isPresent();
        telec.destroy(); // SIGTERM
        assertThat(telec.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(copies(temp)).as("copies of the home left in the temp directory").isEmpty();
        assertThat(Files.readString(home.resolve("data.txt"))).isEqualTo("kept\n");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("data.txt");
        }
    }

    private static List<Path> copies(Path temp) throws Exception {
        try (Stream<Path> list = Files.list(temp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("telec-dry-run-")).toList();
        }
    }
}
