package dev.telec.migrate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationIdTest {

    @Test
    void canonicalTextHasNoVAndNoExtension() {
        MigrationId id = MigrationId.of(Version.parse("v1.1.0"), "002_first");
        assertThat(id).hasToString("1.1.0/002_first");
        assertThat(MigrationId.parse("1.1.0/002_first")).isEqualTo(id);
    }

    @Test
    void idsAreEqualExactlyWhenVersionNumberAndDescriptionAre() {
        MigrationId id = MigrationId.parse("1.1.0/002_first");
        assertThat(id).isEqualTo(MigrationId.parse("1.1.0+build/002_first")).hasSameHashCodeAs(MigrationId.parse("1.1.0+build/002_first"));
        assertThat(id).isNotEqualTo(MigrationId.parse("1.1.1/002_first")).isNotEqualTo(MigrationId.parse("1.1.0/003_first"))
                .isNotEqualTo(MigrationId.parse("1.1.0/002_First")).isNotEqualTo("1.1.0/002_first");
        assertThat(java.util.Set.of(id, MigrationId.parse("1.1.0/003_first"))).contains(MigrationId.parse("1.1.0/002_first"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2_first", "0002_first", "002-first", "002_", "002_a-b", "abc_first", "002_first.yaml"})
    void refusesBadStemsQuotingThem(String stem) {
        assertThatThrownBy(() -> MigrationId.of(Version.parse("1.0.0"), stem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + stem + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a-b", "a b", "a.b", "é", "a/b", "_`", "[", "@", "Z{"})
    void refusesADescriptionOutsideLettersDigitsAndUnderscore(String description) {
        assertThatThrownBy(() -> new MigrationId(Version.parse("1.0.0"), 1, description))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + description + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "9", "_", "add_people_Dir_2"})
    void acceptsADescriptionOfLettersDigitsAndUnderscore(String description) {
        assertThat(new MigrationId(Version.parse("1.0.0"), 1, description).description()).isEqualTo(description);
    }

    @Test
    void ordersByVersionPrecedenceThenNumber() {
        MigrationId rc = MigrationId.parse("1.0.0-rc.1/009_z");
        MigrationId release1 = MigrationId.parse("1.0.0/001_b");
        MigrationId release2 = MigrationId.parse("1.0.0/002_a");
        MigrationId later = MigrationId.parse("1.10.0/001_a");
        assertThat(rc).isLessThan(release1);
        assertThat(release1).isLessThan(release2);
        assertThat(release2).isLessThan(later);
    }
}
