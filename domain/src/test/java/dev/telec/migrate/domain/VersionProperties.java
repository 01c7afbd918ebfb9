package dev.telec.migrate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Plain {@code MAJOR.MINOR.PATCH} versions are read by hand: they must be read exactly as the SemVer expression reads them. */
class VersionProperties {

    @Property(tries = 2000)
    void aVersionOfDigitsAndDotsParsesExactlyWhenItIsCanonical(@ForAll("digitsAndDots") String text) {
        if (Version.isCanonical(text)) {
            Version v = Version.parse(text);
            assertThat(v.toString()).isEqualTo(text);
            assertThat(v).isEqualTo(Version.parse(text + "+build")).hasSameHashCodeAs(Version.parse(text + "+build"));
            assertThat(v.isAfter(Version.parse(text + "-rc.1"))).isTrue();
        } else {
            assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + text + "'");
        }
    }

    @Provide
    Arbitrary<String> digitsAndDots() {
        return Arbitraries.strings().withChars("0123456789.").ofMinLength(0).ofMaxLength(9)
                .edgeCases(e -> e.add("0.0.0").add("00.1.2").add("1.2.3.").add(".1.2").add("1..2"));
    }
}
