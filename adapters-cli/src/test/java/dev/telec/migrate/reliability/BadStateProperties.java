package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.reliability.BadInput.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated bad state files: each is refused with one line naming the file, exit 1, and the home stays byte
 * for byte as it was, without even a lock file.
 */
class BadStateProperties {

    static final String VALID = """
            {
              "applied": ["1.1.0/001_first"],
              "version": "1.1.0",
              "history": [{"id": "1.1.0/001_first", "outcome": "applied", "at": "2026-11-23T10:15:02Z"}]
            }
            """;

    @Property(tries = 150)
    void aBadStateFileIsAOneLineErrorAndNothingIsWritten(@ForAll("badStates") byte[] content) throws Exception {
        Path dir = Files.createTempDirectory("telec-bad-state");
        try {
            BadInput in = new BadInput(dir);
            Path state = Files.write(in.home.resolve("migration_state.json"), content);
            var before = in.snapshot();

            Result r = in.migrate();

            BadInput.assertOneLineError(r, in.home, "");
            assertThat(r.err()).satisfiesAnyOf(e -> assertThat(e).contains(state.toString()),
                    e -> assertThat(e).contains("newer than the newest step"));
            assertThat(in.snapshot()).isEqualTo(before);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> badStates() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length - 3)
                .map(n -> java.util.Arrays.copyOf(valid, n));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                .filter(b -> b[0] != '{' && b[0] != ' ');
        Arbitrary<byte[]> nested = Arbitraries.integers().between(33, 5000)
                .map(d -> ("{\"applied\": " + "[".repeat(d) + "]".repeat(d) + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<String> wrongValue = Arbitraries.of("5", "\"x\"", "null", "true", "{}", "[1]", "[null]", "[[]]", "1.5e300");
        Arbitrary<byte[]> wrongTypes = Combinators.combine(Arbitraries.of("applied", "version", "history"), wrongValue)
                .as((key, value) -> (key.equals("applied") ? "{\"applied\": " + value + "}"
                        : "{\"applied\": [], \"" + key + "\": " + value + "}").getBytes(StandardCharsets.UTF_8))
                .filter(b -> !new String(b, StandardCharsets.UTF_8).equals("{\"applied\": [], \"version\": null}"));
        Arbitrary<byte[]> duplicateKeys = Arbitraries.of("applied", "version", "history")
                .map(k -> ("{\"applied\": [], \"version\": \"1.0.0\", \"history\": [], \"" + k + "\": "
                        + (k.equals("version") ? "\"1.0.0\"" : "[]") + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> newer = Arbitraries.integers().between(2, 999)
                .map(major -> ("{\"applied\": [], \"version\": \"" + major + ".0.0\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> unknownKey = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)
                .filter(k -> !k.equals("applied") && !k.equals("version") && !k.equals("history"))
                .map(k -> ("{\"applied\": [], \"" + k + "\": 1}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(truncated, binary, nested, wrongTypes, duplicateKeys, newer, unknownKey);
    }
}
