package dev.telec.migrate.application.port.in;

/**
 * How a real run backs up the home.
 *
 * @param backup save the pre-image of every path a step changes before it changes it, so that a failed step
 *     can be rolled back and the run restored; false ({@code --no-backup}) gives both up for this run
 * @param rollback roll a failed step's changes back; false ({@code --no-rollback}) keeps them for debugging
 * @param keep how many runs' backups are kept; older ones are deleted after a successful run
 */
public record BackupOptions(boolean backup, boolean rollback, int keep) {

    public static final int DEFAULT_KEEP = 5;

    /** Backups on, rollback on, the last 5 runs kept. */
    public static final BackupOptions DEFAULT = new BackupOptions(true, true, DEFAULT_KEEP);

    public BackupOptions {
        if (keep < 0) {
            throw new IllegalArgumentException("the number of backups to keep must not be negative: " + keep);
        }
    }

    public BackupOptions backup(boolean value) {
        return new BackupOptions(value, rollback, keep);
    }

    public BackupOptions rollback(boolean value) {
        return new BackupOptions(backup, value, keep);
    }

    public BackupOptions keep(int value) {
        return new BackupOptions(backup, rollback, value);
    }
}
