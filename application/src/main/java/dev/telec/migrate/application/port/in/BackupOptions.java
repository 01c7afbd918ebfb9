package dev.telec.migrate.application.port.in;

/**
 * How a real run backs up the home.
 *
 * @param backup save the pre-image of every path a step changes before it changes it, so that a failed step
 *     can be rolled back and the run restored; false ({@code --no-backup}) gives both up for this run
 * @param rollback roll a failed step's changes back; false ({@code --no-rollback}) keeps them for debugging
 * @param keep how many runs' backups are kept (older ones are deleted after a successful run); -1: as the app
 *     profile says ({@code keep_backups:}), else {@link #DEFAULT_KEEP}
 */
public record BackupOptions(boolean backup, boolean rollback, int keep) {

    public static final int DEFAULT_KEEP = 5;

    /** The largest home snapshotted before script steps, unless the app profile says ({@code backup_limit:}): 256 MiB. */
    public static final long DEFAULT_SNAPSHOT_LIMIT = 256L << 20;

    /** Backups on, rollback on, as many kept as the app profile says, else the last 5 runs. */
    public static final BackupOptions DEFAULT = new BackupOptions(true, true, -1);

    public BackupOptions {
        if (keep < -1) {
            throw new IllegalArgumentException("the number of backups to keep must not be negative: " + keep);
        }
    }

    public BackupOptions backup(boolean value) {
        return new BackupOptions(value, rollback, keep);
    }

    public BackupOptions rollback(boolean value) {
        return new BackupOptions(backup, value, keep);
    }

    /** Keeps {@code value} runs' backups, whatever the app profile says. */
    public BackupOptions keep(int value) {
        if (value < 0) throw new IllegalArgumentException("the number of backups to keep must not be negative: " + value);
        return new BackupOptions(backup, rollback, value);
    }
}
