package dev.telec.migrate.internal.adapter.out.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InstantsProperties {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 2000)
    void readsEveryWholeSecondTelecWritesAsTheIsoParserDoes(@ForAll("wholeSeconds") Instant at) {
        String written = DateTimeFormatter.ISO_INSTANT.format(at);
        assertThat(Instants.parse(written)).isEqualTo(at).isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(written, Instant::from));
    }

    /** Dates and times near the form, valid or not (Feb 29 of any year, hour 24, letters for digits, ...). */
    @Property(tries = 2000)
    void agreesWithTheIsoParserOnTextsNearTheForm(@ForAll("nearlyInstants") String text) {
        Instant expected;
        try {
            expected = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Instants.parse(text)).isEqualTo(expected);
    }

    @Example
    void refusesTheDaysAMonthDoesNotHave() {
        assertThat(Instants.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        for (String text : new String[] {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z"}) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Example
    void readsFractionsAndOtherFormsThroughTheIsoParser() {
        assertThat(Instants.parse("2026-11-23T10:15:02.5Z")).isEqualTo(Instant.parse("2026-11-23T10:15:02.500Z"));
        assertThat(Instants.parse("2026-11-23T23:59:60Z")).isEqualTo(Instant.parse("2026-11-23T23:59:59Z")); // leap second, as before
    }

    @Provide
    Arbitrary<Instant> wholeSeconds() {
        return Arbitraries.longs().between(YEAR_0, YEAR_10000 - 1).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> nearlyInstants() {
        Arbitrary<String> year = Arbitraries.of("1900", "1970", "2000", "2023", "2024", "2026", "9999", "0000", "20x6");
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(n -> n < 10 ? "0" + n : Integer.toString(n));
        Arbitrary<String> month = Arbitraries.oneOf(two, Arbitraries.of("01", "02", "12", "1a"));
        Arbitrary<String> day = Arbitraries.oneOf(two, Arbitraries.of("28", "29", "30", "31"));
        Arbitrary<String> end = Arbitraries.of("Z", "Z", "Z", "z", "+00:00", ".000Z", "");
        return Combinators.combine(year, month, day, two, two, two, end)
                .as((y, mo, d, h, mi, s, z) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + z);
    }
}
