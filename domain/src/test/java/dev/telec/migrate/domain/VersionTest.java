package dev.telec.migrate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void acceptsLeadingVAndSurroundingWhitespace() {
        assertThat(Version.parse("v1.2.3")).isEqualTo(Version.parse("1.2.3"));
        assertThat(Version.parse(" 1.2.3 ")).hasToString("1.2.3");
        assertThat(Version.parse("\tv1.2.3\n")).hasToString("1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.2.3.4", "v1.a.3", "01.2.3", "1.02.3", "", " ", "vv1.2.3", "1.2.3-", "1.2.3-01", "1.2.3+"})
    void rejectsNonSemVerQuotingTheInput(String input) {
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + input + "'");
    }

    @Test
    void ordersBySemVerPrecedenceIncludingPreReleases() {
        // The example list of semver.org section 11, in ascending order.
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(ascending.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(ascending);
    }

    @Test
    void ignoresBuildMetadataForPrecedenceAndEquality() {
        Version a = Version.parse("1.0.0+build.1");
        Version b = Version.parse("1.0.0+build.2");
        assertThat(a).isEqualByComparingTo(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).hasToString("1.0.0+build.1");
    }

    @Test
    void comparesNumbersBeyondLongRange() {
        assertThat(Version.parse("1.0.99999999999999999999").isAfter(Version.parse("1.0.9223372036854775807"))).isTrue();
    }

    @Test
    void canonicalMeansNoPrefixNoWhitespace() {
        assertThat(Version.isCanonical("1.2.0")).isTrue();
        assertThat(Version.isCanonical("1.0.0-rc.1")).isTrue();
        assertThat(Version.isCanonical("v1.2.0")).isFalse();
        assertThat(Version.isCanonical(" 1.2.0")).isFalse();
    }
}
