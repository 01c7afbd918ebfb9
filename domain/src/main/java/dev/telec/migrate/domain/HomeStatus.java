package dev.telec.migrate.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a home's state says about every step of a manifest: applied, pending, ignored or missing, and which
 * applied ones drifted. Computed from the state and the manifest's ids and checksums alone.
 *
 * @param app the app the state names, if it names one
 * @param version the version the state records, if any
 * @param newest the newest version in the manifest, if it has any step
 * @param steps the manifest's steps in (version, NNN) order, then the missing ones in the state's order
 */
public record HomeStatus(Optional<AppName> app, Optional<Version> version, Optional<Version> newest, List<StepStatus> steps) {

    public HomeStatus {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(newest, "newest");
        steps = List.copyOf(steps);
    }

    /**
     * @param manifest the manifest's step ids in (version, NNN) order
     * @param checksums each step's checksum now, where it has one
     */
    public static HomeStatus of(MigrationState state, List<MigrationId> manifest, Map<MigrationId, String> checksums) {
        Map<String, HistoryEntry> latest = state.latestEntries();
        Map<String, String> recorded = state.recordedChecksums();
        List<StepStatus> steps = new ArrayList<>(manifest.size());
        Set<String> known = new HashSet<>();
        for (MigrationId id : manifest) {
            String key = id.toString();
            known.add(key);
            if (state.isApplied(id)) {
                HistoryEntry last = latest.get(key);
                String then = recorded.get(key);
                String now = checksums.get(id);
                boolean drifted = then != null && now != null && !then.equals(now);
                steps.add(new StepStatus(key, StepStatus.State.APPLIED, Optional.ofNullable(last).map(HistoryEntry::at),
                        Optional.ofNullable(last).map(HistoryEntry::outcome), drifted));
            } else {
                boolean below = state.version().isPresent() && !id.version().isAfter(state.version().get());
                steps.add(new StepStatus(key, below ? StepStatus.State.IGNORED : StepStatus.State.PENDING,
                        Optional.empty(), Optional.empty(), false));
            }
        }
        for (String written : state.applied()) {
            String key = MigrationState.canonical(written);
            if (known.add(key)) {
                HistoryEntry last = latest.get(key);
                steps.add(new StepStatus(written, StepStatus.State.MISSING, Optional.ofNullable(last).map(HistoryEntry::at),
                        Optional.ofNullable(last).map(HistoryEntry::outcome), false));
            }
        }
        Optional<Version> newest = manifest.isEmpty() ? Optional.empty() : Optional.of(manifest.get(manifest.size() - 1).version());
        return new HomeStatus(state.app(), state.version(), newest, steps);
    }

    public long count(StepStatus.State state) {
        return steps.stream().filter(s -> s.state() == state).count();
    }

    public long drifted() {
        return steps.stream().filter(StepStatus::drifted).count();
    }

    /** Nothing pending and nothing ignored: a plain run would find nothing to do. */
    public boolean upToDate() {
        return count(StepStatus.State.PENDING) == 0 && count(StepStatus.State.IGNORED) == 0;
    }

    public List<StepStatus> in(StepStatus.State state) {
        return steps.stream().filter(s -> s.state() == state).toList();
    }
}
