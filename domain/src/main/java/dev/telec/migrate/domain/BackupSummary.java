package dev.telec.migrate.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's kept backup, as {@code telec restore --list} shows it.
 *
 * @param id the run's id ({@code 20261202-031500}), which a restore names
 * @param started when the run began
 * @param from the version the home was at before the run
 * @param to the version the run reached, when it recorded one
 * @param steps how many steps the backup can undo
 * @param bytes what the backup holds on disk
 * @param finished whether the run ended (a run that was killed has an unfinished backup, which still restores)
 */
public record BackupSummary(String id, Instant started, Version from, Optional<Version> to, int steps, long bytes,
                            boolean finished) {

    public BackupSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
