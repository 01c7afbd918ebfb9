package dev.telec.migrate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a home records about its migrations: the app it belongs to (when the steps that wrote it named
 * one), the ids of the steps that are in effect, the version it was brought to, and the history of how.
 * Immutable; each change returns a new state.
 *
 * <p>Ids are kept as written, so a state written by the reference runner ({@code 1.1.0/001_example.py})
 * keeps its ids; such an id matches the step whose canonical id is its stem.
 */
public final class MigrationState {

    public static final MigrationState EMPTY = new MigrationState(new TreeSet<>(), Optional.empty(), List.of(), Optional.empty());

    private final Optional<AppName> app;
    private final SortedSet<String> applied;
    private final Optional<Version> version;
    private final List<HistoryEntry> history;
    private final Set<String> canonicalApplied;

    private MigrationState(SortedSet<String> applied, Optional<Version> version, List<HistoryEntry> history,
                           Optional<AppName> app) {
        this.app = Objects.requireNonNull(app, "app");
        this.applied = Collections.unmodifiableSortedSet(applied);
        this.version = Objects.requireNonNull(version, "version");
        this.history = List.copyOf(history);
        Set<String> canonical = new HashSet<>();
        for (String id : applied) {
            canonical.add(stem(id));
        }
        this.canonicalApplied = canonical;
    }

    public static MigrationState of(Set<String> applied, Optional<Version> version, List<HistoryEntry> history) {
        for (String id : applied) {
            Objects.requireNonNull(id, "applied id");
        }
        return new MigrationState(new TreeSet<>(applied), version, history, Optional.empty());
    }

    /** An id with a file extension ({@code 1.1.0/001_example.py}) stands for its stem. */
    private static String stem(String id) {
        int slash = id.lastIndexOf('/');
        int dot = id.lastIndexOf('.');
        return dot > slash && slash >= 0 ? id.substring(0, dot) : id;
    }

    public boolean isApplied(MigrationId id) {
        return canonicalApplied.contains(id.toString());
    }

    /** A new state with {@code id} recorded as in effect, with a history line saying how. */
    public MigrationState record(MigrationId id, StepOutcome outcome, Instant at) {
        if (!outcome.isRecord()) {
            throw new IllegalArgumentException("only steps in effect are recorded, not " + outcome);
        }
        TreeSet<String> nextApplied = new TreeSet<>(applied);
        nextApplied.add(id.toString());
        List<HistoryEntry> nextHistory = new ArrayList<>(history.size() + 1);
        nextHistory.addAll(history);
        nextHistory.add(new HistoryEntry(id.toString(), outcome, at));
        return new MigrationState(nextApplied, version, nextHistory, app);
    }

    /** A new state with {@code entry}, a line that puts no step in effect ({@link StepOutcome#UNDONE}), appended to the history. */
    public MigrationState withHistoryLine(HistoryEntry entry) {
        if (entry.outcome().isRecord()) {
            throw new IllegalArgumentException("a step in effect is recorded with with(), not as a history line: " + entry.outcome());
        }
        List<HistoryEntry> nextHistory = new ArrayList<>(history.size() + 1);
        nextHistory.addAll(history);
        nextHistory.add(entry);
        return new MigrationState(new TreeSet<>(applied), version, nextHistory, app);
    }

    /** A new state with the entry's id in effect and the entry appended to the history. */
    public MigrationState with(HistoryEntry entry) {
        return toBuilder().add(entry).build();
    }

    /**
     * A builder that starts from this state. Recording many steps one by one with {@link #record} copies the
     * state each time (quadratic in the number of steps); a builder appends in constant time.
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Accumulates history entries on top of a state; not thread-safe. */
    public static final class Builder {
        private final TreeSet<String> applied;
        private Optional<Version> version;
        private final ArrayList<HistoryEntry> history;
        private final Optional<AppName> app;

        private Builder(MigrationState from) {
            this.app = from.app;
            this.applied = new TreeSet<>(from.applied);
            this.version = from.version;
            this.history = new ArrayList<>(from.history);
        }

        /** Records the entry's id as in effect; only outcomes of steps in effect ({@link StepOutcome#isRecord}) are recorded. */
        public Builder add(HistoryEntry entry) {
            if (!entry.outcome().isRecord()) {
                throw new IllegalArgumentException("only steps in effect are recorded, not " + entry.outcome());
            }
            applied.add(entry.id());
            history.add(entry);
            return this;
        }

        public Builder version(Version v) {
            this.version = Optional.of(v);
            return this;
        }

        public MigrationState build() {
            return new MigrationState(new TreeSet<>(applied), version, history, app);
        }
    }

    /**
     * A new state in which the steps {@code ids} (canonical ids) are no longer in effect, whether they were
     * recorded by their canonical id or with an extension; their history is kept, as a log of what happened.
     */
    public MigrationState without(Set<String> ids) {
        TreeSet<String> nextApplied = new TreeSet<>();
        for (String id : applied) {
            if (!ids.contains(stem(id))) nextApplied.add(id);
        }
        return new MigrationState(nextApplied, version, history, app);
    }

    /** The canonical id an id as written stands for: {@code 1.1.0/001_example.py} stands for {@code 1.1.0/001_example}. */
    public static String canonical(String id) {
        return stem(id);
    }

    /**
     * The last history entry of each step in effect, by canonical id: when and how it was last recorded,
     * and the checksum its definition had then. Steps recorded without history (the reference runner's
     * states) have none.
     */
    public Map<String, HistoryEntry> latestEntries() {
        Map<String, HistoryEntry> latest = new HashMap<>();
        for (HistoryEntry e : history) {
            String id = stem(e.id());
            if (canonicalApplied.contains(id)) latest.put(id, e);
        }
        return latest;
    }

    /**
     * The checksum last recorded for each step in effect, by canonical id: the newest entry that has one
     * (a {@code skipped_check} line of an older telec records none, and does not forget an earlier one).
     */
    public Map<String, String> recordedChecksums() {
        Map<String, String> checksums = new HashMap<>();
        for (HistoryEntry e : history) {
            String id = stem(e.id());
            if (canonicalApplied.contains(id) && e.checksum().isPresent()) checksums.put(id, e.checksum().get());
        }
        return checksums;
    }

    public MigrationState withVersion(Version newVersion) {
        return new MigrationState(new TreeSet<>(applied), Optional.of(newVersion), history, app);
    }

    /** This state, saying that the home belongs to {@code name}. */
    public MigrationState withApp(AppName name) {
        return new MigrationState(new TreeSet<>(applied), version, history, Optional.of(name));
    }

    /** The app the home belongs to; empty in a state written without one (an older telec, the reference runner). */
    public Optional<AppName> app() {
        return app;
    }

    /** Sorted ids as written. */
    public SortedSet<String> applied() {
        return applied;
    }

    public Optional<Version> version() {
        return version;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationState s
                && app.equals(s.app) && applied.equals(s.applied) && version.equals(s.version) && history.equals(s.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(app, applied, version, history);
    }

    @Override
    public String toString() {
        return "MigrationState[" + app.map(a -> "app=" + a + ", ").orElse("") + "applied=" + applied + ", version=" + version.map(Version::toString).orElse("none")
                + ", history=" + history.size() + " entries]";
    }
}
