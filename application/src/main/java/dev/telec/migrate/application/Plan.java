package dev.telec.migrate.application;

import dev.telec.migrate.application.TelecException.DowngradeException;
import dev.telec.migrate.application.TelecException.RangeException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.domain.VersionRange;
import dev.telec.migrate.spi.Migration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The range a command runs on a home in a given state, and its entries; or, for an allowed downgrade (the
 * home is newer than the range's end), that the home is left as it is.
 */
record Plan(Version from, Version to, List<Manifest.Entry> inRange, boolean leftAsItIs) {

    /**
     * @throws RangeException when the range goes backwards
     * @throws DowngradeException when the home is newer than the range's end and the command does not allow that
     */
    static Plan of(MigrateCommand command, Manifest manifest, MigrationState state) {
        Version from = command.from().orElse(state.version().orElse(Version.ZERO));
        Version to = command.to().orElse(manifest.newest().orElse(from));
        if (from.isAfter(to)) {
            if (command.from().isPresent()) {
                throw new RangeException("--from " + from + " is after "
                        + (command.to().isPresent() ? "--to " : "the newest step version ") + to);
            }
            if (command.allowDowngrade()) {
                return new Plan(from, to, List.of(), true);
            }
            throw new DowngradeException(command.home(), "the home is at " + from + ", newer than "
                    + (command.to().isPresent() ? "--to " + to : "the newest step this telec knows (" + to + ")")
                    + ": an older telec on a newer home? Use a newer telec, or pass --allow-downgrade to leave the home as it is");
        }
        return new Plan(from, to, manifest.within(new VersionRange(from, to)), false);
    }

    /** Whether running this plan on {@code state} writes anything: a pending step or a newer version. */
    boolean writes(MigrationState state) {
        if (leftAsItIs) return false;
        for (Manifest.Entry e : inRange) {
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
        for (Manifest.Entry entry : inRange) {
            if (!state.isApplied(entry.id())) {
                pending.put(entry.id(), resolved.computeIfAbsent(entry.id(), id -> entry.resolve()));
            }
        }
        return pending;
    }

    /** The report of an allowed downgrade: nothing ran, nothing was written. */
    MigrationReport leftAsItIsReport(MigrationReport.Mode mode, Optional<String> notice) {
        return new MigrationReport(mode, from, to, List.of(), Optional.empty(), true, notice);
    }
}
