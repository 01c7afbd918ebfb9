package dev.telec.migrate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationStateTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:02Z");

    @Test
    void peerIdWithExtensionMatchesTheStepWithThatStem() {
        MigrationState peer = MigrationState.of(Set.of("1.1.0/001_example.py"), Optional.empty(), List.of());
        assertThat(peer.isApplied(MigrationId.parse("1.1.0/001_example"))).isTrue();
        assertThat(peer.isApplied(MigrationId.parse("1.1.0/002_example"))).isFalse();
        assertThat(peer.applied()).containsExactly("1.1.0/001_example.py");
    }

    @Test
    void recordingKeepsIdsSortedAndAppendsHistory() {
        MigrationState state = MigrationState.EMPTY
                .record(MigrationId.parse("1.2.0/001_b"), StepOutcome.APPLIED, AT)
                .record(MigrationId.parse("1.1.0/001_a"), StepOutcome.SKIPPED_CHECK, AT);
        assertThat(state.applied()).containsExactly("1.1.0/001_a", "1.2.0/001_b");
        assertThat(state.history()).extracting(HistoryEntry::id).containsExactly("1.2.0/001_b", "1.1.0/001_a");
        assertThat(MigrationState.EMPTY.applied()).isEmpty();
    }

    @Test
    void recordsOnlyStepsThatAreInEffect() {
        assertThatThrownBy(() -> MigrationState.EMPTY.record(MigrationId.parse("1.0.0/001_a"), StepOutcome.FAILED, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangeExcludesFromAndIncludesTo() {
        VersionRange range = new VersionRange(Version.parse("1.0.0"), Version.parse("1.2.0"));
        assertThat(range.contains(Version.parse("1.0.0"))).isFalse();
        assertThat(range.contains(Version.parse("1.1.0"))).isTrue();
        assertThat(range.contains(Version.parse("1.2.0"))).isTrue();
        assertThat(range.contains(Version.parse("1.2.1-rc.1"))).isFalse();
        assertThatThrownBy(() -> new VersionRange(Version.parse("2.0.0"), Version.parse("1.0.0")))
                .hasMessageContaining("2.0.0");
    }
}
