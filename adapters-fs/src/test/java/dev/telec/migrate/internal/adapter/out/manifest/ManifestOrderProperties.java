package dev.telec.migrate.internal.adapter.out.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class ManifestOrderProperties {

    record Step(Version version, int number, String description, String extension) {
        String key() {
            return version + "/" + number;
        }

        String relativePath() {
            return "v" + version + "/" + String.format("%03d", number) + "_" + description + "." + extension;
        }
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<String> pre = Arbitraries.of("", "-alpha", "-alpha.1", "-beta", "-rc.1", "-rc.2", "-rc.10", "-1", "-0.3.7");
        Arbitrary<Version> versions = Combinators.combine(
                        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 3), pre)
                .as((major, minor, patch, p) -> Version.parse(major + "." + minor + "." + patch + p));
        return Combinators.combine(versions, Arbitraries.integers().between(0, 999),
                        Arbitraries.strings().withChars("abcXYZ019_").ofMinLength(1).ofMaxLength(8),
                        Arbitraries.of("yaml", "yml", "json"))
                .as(Step::new);
    }

    @Property(tries = 200)
    void loadReturnsEntriesSortedByVersionPrecedenceThenNumber(
            @ForAll @Size(max = 30) @UniqueElements(by = StepKey.class) List<@net.jqwik.api.From("steps") Step> steps,
            @ForAll long seed) throws IOException {
        List<Step> written = new ArrayList<>(steps);
        Collections.shuffle(written, new Random(seed));
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = fs.getPath("/m");
            java.nio.file.Files.createDirectories(root);
            for (Step s : written) Trees.step(root, s.relativePath());

            List<MigrationId> loaded = new FileManifests().load(StepSource.directory(root)).entries().stream()
                    .map(e -> e.id()).toList();

            List<Step> expected = new ArrayList<>(steps);
            expected.sort(Comparator.comparing(Step::version).thenComparingInt(Step::number));
            assertThat(loaded).extracting(MigrationId::toString).containsExactlyElementsOf(expected.stream()
                    .map(s -> s.version() + "/" + String.format("%03d", s.number()) + "_" + s.description()).toList());
            for (int i = 1; i < loaded.size(); i++) {
                MigrationId a = loaded.get(i - 1);
                MigrationId b = loaded.get(i);
                int byVersion = a.version().compareTo(b.version());
                assertThat(byVersion < 0 || (byVersion == 0 && a.number() < b.number())).as("%s before %s", a, b).isTrue();
            }
        }
    }

    /** Steps are distinct by (version, number): two files with one number in a version are an error. */
    static class StepKey implements java.util.function.Function<Step, String> {
        @Override
        public String apply(Step step) {
            return step.key();
        }
    }
}
