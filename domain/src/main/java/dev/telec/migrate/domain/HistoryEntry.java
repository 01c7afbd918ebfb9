package dev.telec.migrate.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a home's migration history: a step recorded as in effect (applied, found done by check(),
 * stamped, marked or repaired), when, and the checksum of its definition at that moment, when known (an
 * older telec and the reference runner record none).
 *
 * @param checksum {@code algorithm:hex}, e.g. {@code sha256:9f86d0...}
 */
public record HistoryEntry(String id, StepOutcome outcome, Instant at, Optional<String> checksum) {
    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(checksum, "checksum");
        checksum.ifPresent(HistoryEntry::requireChecksum);
    }

    /** An entry without a checksum. */
    public HistoryEntry(String id, StepOutcome outcome, Instant at) {
        this(id, outcome, at, Optional.empty());
    }

    /** {@code algorithm:value}: the prefix lets the algorithm change without every step looking drifted. */
    public static String requireChecksum(String checksum) {
        int colon = checksum.indexOf(':');
        if (colon <= 0 || colon == checksum.length() - 1 || !checksum.substring(0, colon).matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("a checksum is algorithm:value, like sha256:9f86d0..., not '" + checksum + "'");
        }
        return checksum;
    }
}
