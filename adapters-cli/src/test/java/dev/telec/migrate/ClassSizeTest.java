package dev.telec.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No main class of any module grows past {@value #MAX_LINES} lines: a class that does, does more than one job. */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    /**
     * Files being split while this test landed, each with who is on it and its size then, which it may not
     * exceed. Shrinking only: remove an entry when its file is under the limit; never add one.
     */
    static final Map<String, Integer> BEING_SPLIT = Map.of();

    @Test
    void noMainClassIsLongerThan300Lines() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize(); // tests run from their module's directory
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) sources.add(main);
            }
        }
        assertThat(sources).as("the modules' main sources under " + root)
                .extracting(p -> root.relativize(p).toString())
                .contains("domain/src/main/java", "application/src/main/java", "adapters-fs/src/main/java",
                        "adapters-cli/src/main/java");
        List<String> tooLong = new ArrayList<>();
        for (Path main : sources) {
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    long lines;
                    try (Stream<String> l = Files.lines(file)) {
                        lines = l.count();
                    }
                    int limit = BEING_SPLIT.getOrDefault(relative, MAX_LINES);
                    if (lines > limit) tooLong.add(relative + ": " + lines + " lines (the limit is " + limit + ")");
                }
            }
        }
        assertThat(tooLong).as("split these by job (each part one job), not by squeezing lines").isEmpty();
    }
}
