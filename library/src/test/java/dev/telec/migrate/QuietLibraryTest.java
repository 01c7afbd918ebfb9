package dev.telec.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing from telec or its libraries reaches the caller's stdout or stderr: a real child JVM (this module's
 * class path, no JVM options at all) runs {@link LibraryProbe}, on the build's JDK and on JDK 25, where Guava's
 * use of sun.misc.Unsafe would print warnings.
 */
class QuietLibraryTest {

    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path tmp;

    private void assertQuiet(String java) throws IOException, InterruptedException {
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LibraryProbe.class.getName(), tmp.resolve("home").toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();

        assertThat(Files.readString(err, StandardCharsets.UTF_8)).as("stderr").isEmpty();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("stdout").isEmpty();
        assertThat(process.exitValue()).as("every report succeeded").isZero();
    }

    @Test
    void aLibraryRunPrintsNothingOnTheBuildsJdk() throws IOException, InterruptedException {
        assertQuiet(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Test
    void aLibraryRunPrintsNothingOnJdk25() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(JDK_25), "no Temurin 25 at " + JDK_25);
        assertQuiet(JDK_25.toString());
    }
}
