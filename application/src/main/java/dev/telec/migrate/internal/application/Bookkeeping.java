package dev.telec.migrate.internal.application;

import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the operator verbs share: a home's status against a manifest, and history entries with checksums. */
final class Bookkeeping {

    private Bookkeeping() {
    }

    /** The status of {@code state}, with the checksums of the applied steps only (the others cannot drift). */
    static HomeStatus status(Manifest manifest, MigrationState state) {
        List<MigrationId> ids = new ArrayList<>(manifest.entries().size());
        Map<MigrationId, String> checksums = new HashMap<>();
        Map<String, String> recorded = state.recordedChecksums();
        for (Manifest.Entry entry : manifest.entries()) {
            ids.add(entry.id());
            // only a step recorded with a checksum can drift: no other entry is read
            if (state.isApplied(entry.id()) && recorded.containsKey(entry.id().toString())) {
                entry.checksum().ifPresent(c -> checksums.put(entry.id(), c));
            }
        }
        return HomeStatus.of(state, ids, checksums);
    }

    static Map<MigrationId, Manifest.Entry> byId(Manifest manifest) {
        Map<MigrationId, Manifest.Entry> entries = new HashMap<>();
        for (Manifest.Entry e : manifest.entries()) entries.put(e.id(), e);
        return entries;
    }

    static HistoryEntry entry(Manifest.Entry entry, StepOutcome outcome, Instant at) {
        return new HistoryEntry(entry.id().toString(), outcome, at, entry.checksum());
    }

    /** History times are whole seconds, as the runner records them. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
