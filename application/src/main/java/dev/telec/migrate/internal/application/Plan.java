package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.DowngradeException;
import dev.telec.migrate.api.RangeException;
import dev.telec.migrate.api.UsageException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.domain.VersionRange;
import dev.telec.migrate.spi.Migration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The range a command runs on a home in a given state, and its entries; or, for an allowed downgrade (the
 * home is newer than every step) or a {@code --to} below the recorded version, that the home is left as it is.
 *
 * @param ignored the entries at or below {@code from} that the state does not record (a hotfix added under a
 *     version the home has passed, a step {@code --from} skipped): only an out-of-order run runs them, before
 *     the others (they all sort before the range); any other run reports them
 * @param notice why the home is left as it is, when that is not an allowed downgrade
 * @param manifest every entry of the manifest, for the drift check
 */
record Plan(Version from, Version to, List<Manifest.Entry> inRange, boolean leftAsItIs, List<Manifest.Entry> ignored,
            boolean outOfOrder, Optional<String> notice, List<Manifest.Entry> manifest) {

    /**
     * @throws UsageException when {@code --to} is above the newest step: a home is never recorded at a version no step has
     * @throws RangeException when the range goes backwards
     * @throws DowngradeException when the home is newer than every step and the command does not allow that
     */
    static Plan of(MigrateCommand command, Manifest manifest, MigrationState state) {
        Optional<Version> newest = manifest.newest();
        if (command.to().isPresent() && (newest.isEmpty() || command.to().get().isAfter(newest.get()))) {
            throw new UsageException("the range's end, " + command.to().get() + ", is above every step: "
                    + newest.map(n -> "the newest step version in the manifest is " + n).orElse("the manifest has none")
                    + " (a home is never recorded at a version no step has)");
        }
        Version from = command.from().orElse(state.version().orElse(Version.ZERO));
        Version to = command.to().orElse(newest.orElse(from));
        if (from.isAfter(to)) {
            if (command.from().isPresent()) {
                throw new RangeException("the range starts at " + from + ", after "
                        + (command.to().isPresent() ? "its end, " : "the newest step version, ") + to);
            }
            if (command.to().isPresent() && newest.isPresent() && !from.isAfter(newest.get())) {
                // the home is at a version this telec knows: the range's end only asks for less than it has
                return new Plan(from, to, List.of(), true, List.of(), false, Optional.of("home is at " + from + ", above the range's end, "
                        + to + ": nothing to do (telec does not downgrade)"), List.of());
            }
            if (command.allowDowngrade()) {
                return new Plan(from, to, List.of(), true, List.of(), false, Optional.empty(), List.of());
            }
            throw new DowngradeException(command.home(), "the home is at " + from + ", newer than the newest step this telec knows ("
                    + newest.map(Version::toString).orElse("none")
                    + "): an older telec on a newer home? Use a newer telec, or allow the downgrade to leave the home as it is");
        }
        List<Manifest.Entry> ignored = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries()) {
            if (e.id().version().isAfter(from)) break;
            if (!state.isApplied(e.id())) ignored.add(e);
        }
        return new Plan(from, to, manifest.within(new VersionRange(from, to)), false, ignored, command.outOfOrder(),
                Optional.empty(), manifest.entries());
    }

    /** The entries this run goes through, in order: with out-of-order, the ignored ones first. */
    List<Manifest.Entry> steps() {
        if (!outOfOrder || ignored.isEmpty()) return inRange;
        List<Manifest.Entry> all = new ArrayList<>(ignored);
        all.addAll(inRange);
        return all;
    }

    /** The results a run reports for the ignored steps it does not run (none with out-of-order). */
    List<StepResult> ignoredResults() {
        List<StepResult> results = new ArrayList<>();
        if (!outOfOrder) {
            for (Manifest.Entry e : ignored) results.add(StepResult.of(e.id(), StepOutcome.IGNORED));
        }
        return results;
    }

    /** Whether running this plan on {@code state} writes anything: a pending step or a newer version. */
    boolean writes(MigrationState state) {
        if (leftAsItIs) return false;
        for (Manifest.Entry e : steps()) {
            if (!state.isApplied(e.id())) return true;
        }
        return state.version().isPresent() ? to.isAfter(state.version().get()) : !to.equals(Version.ZERO);
    }

    /**
     * The steps of this plan that {@code state} does not record, in order, resolved once each: an entry already
     * in {@code resolved} is not resolved again, and each one resolved here is added to it.
     */
    Map<MigrationId, Migration> pending(MigrationState state, Map<MigrationId, Migration> resolved) {
        Map<MigrationId, Migration> pending = new LinkedHashMap<>();
        for (Manifest.Entry entry : steps()) {
            if (!state.isApplied(entry.id())) {
                pending.put(entry.id(), resolved.computeIfAbsent(entry.id(), id -> entry.resolve()));
            }
        }
        return pending;
    }

    /** The report of a home left as it is: nothing ran, nothing was written; this plan's notice says why, if it has one. */
    MigrationReport leftAsItIsReport(MigrationReport.Mode mode, Optional<String> otherNotice) {
        return new MigrationReport(mode, from, to, List.of(), Optional.empty(), true, notice.or(() -> otherNotice));
    }

    /**
     * A warning naming the applied steps whose definition changed since they were recorded (their recorded
     * checksum differs from their checksum now); the run goes on. Only a plan with steps to go through looks
     * (reading the entry of every applied step), so that a run with nothing to do stays as cheap as it was.
     */
    Optional<String> drifted(MigrationState state) {
        if (steps().isEmpty()) return Optional.empty();
        Map<String, String> recorded = state.recordedChecksums();
        if (recorded.isEmpty()) return Optional.empty();
        List<String> drifted = new ArrayList<>();
        for (Manifest.Entry e : manifest) {
            String then = recorded.get(e.id().toString());
            if (then != null && state.isApplied(e.id())) {
                Optional<String> now = e.checksum();
                if (now.isPresent() && !now.get().equals(then)) drifted.add(e.id().toString());
            }
        }
        if (drifted.isEmpty()) return Optional.empty();
        return Optional.of("drifted: " + String.join(", ", drifted) + (drifted.size() == 1 ? " was" : " were")
                + " applied but changed since it was recorded (checksum differs); validate shows it, repair re-records it");
    }
}
