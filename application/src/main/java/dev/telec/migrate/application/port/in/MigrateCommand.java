package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to migrate: a home, the manifest to take steps from (empty: the bundled one), an optional range
 * and whether to only report what would happen.
 *
 * <pre>{@code
 * MigrateCommand.of(home).to(Version.parse("1.2.0")).dryRun(true)
 * }</pre>
 *
 * @param from empty: the version the home's state records, or 0.0.0 when it records none
 * @param to empty: the newest version in the manifest
 * @param allowDowngrade a home whose recorded version is newer than {@code to} (an older telec on a newer
 *     home) is left as it is and reported as nothing to do, instead of refused
 * @param allowInsecureMigrations load step classes from a {@code migrations} directory or jar even when it
 *     is group- or world-writable
 * @param lockWait how long a real run waits for another run that holds the home; zero: not at all
 * @param dryRunOptions how a dry-run is made (simulated or check-only, diffs, masking); ignored by a real run
 * @param backupOptions how a real run backs up the home (pre-images, rollback, retention); ignored by a dry-run
 */
public record MigrateCommand(Path home, Optional<Path> migrations, Optional<Version> from, Optional<Version> to,
                             boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations,
                             Duration lockWait, DryRunOptions dryRunOptions, BackupOptions backupOptions) {

    public MigrateCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(dryRunOptions, "dryRunOptions");
        Objects.requireNonNull(backupOptions, "backupOptions");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("--from " + from.get() + " is after --to " + to.get());
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("--wait must not be negative: " + lockWait.toSeconds());
        }
    }

    /** A command with the default backup options ({@link BackupOptions#DEFAULT}). */
    public MigrateCommand(Path home, Optional<Path> migrations, Optional<Version> from, Optional<Version> to,
                          boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations, Duration lockWait,
                          DryRunOptions dryRunOptions) {
        this(home, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait, dryRunOptions,
                BackupOptions.DEFAULT);
    }

    /** A command with the default dry-run options ({@link DryRunOptions#DEFAULT}). */
    public MigrateCommand(Path home, Optional<Path> migrations, Optional<Version> from, Optional<Version> to,
                          boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations, Duration lockWait) {
        this(home, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait, DryRunOptions.DEFAULT);
    }

    /** A command with the defaults: no downgrade, no insecure manifests, no waiting for the lock, default dry-run options. */
    public MigrateCommand(Path home, Optional<Path> migrations, Optional<Version> from, Optional<Version> to,
                          boolean dryRun) {
        this(home, migrations, from, to, dryRun, false, false, Duration.ZERO);
    }

    /** Migrates {@code home} with the bundled manifest, from its recorded version to the newest. */
    public static MigrateCommand of(Path home) {
        return new MigrateCommand(home, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public MigrateCommand migrations(Path manifestDirectory) {
        return new MigrateCommand(home, Optional.of(manifestDirectory), from, to, dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions, backupOptions);
    }

    public MigrateCommand from(Version version) {
        return new MigrateCommand(home, migrations, Optional.of(version), to, dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions, backupOptions);
    }

    public MigrateCommand to(Version version) {
        return new MigrateCommand(home, migrations, from, Optional.of(version), dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions, backupOptions);
    }

    /**
     * @deprecated a dry-run is a use case of its own: {@link DryRunUseCase#dryRun(DryRunCommand)} with
     *     {@link DryRunCommand#of(MigrateCommand)}. A command with this flag given to {@link MigrateUseCase} is
     *     still dry-run.
     */
    @Deprecated
    public MigrateCommand dryRun(boolean value) {
        return new MigrateCommand(home, migrations, from, to, value, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, backupOptions);
    }

    public MigrateCommand allowDowngrade(boolean value) {
        return new MigrateCommand(home, migrations, from, to, dryRun, value, allowInsecureMigrations, lockWait,
                dryRunOptions, backupOptions);
    }

    public MigrateCommand allowInsecureMigrations(boolean value) {
        return new MigrateCommand(home, migrations, from, to, dryRun, allowDowngrade, value, lockWait, dryRunOptions, backupOptions);
    }

    public MigrateCommand lockWait(Duration value) {
        return new MigrateCommand(home, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, value,
                dryRunOptions, backupOptions);
    }

    /** How a dry-run is made (simulated or check-only, diffs, masking); ignored by a real run. */
    public MigrateCommand dryRunOptions(DryRunOptions options) {
        return new MigrateCommand(home, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                options, backupOptions);
    }

    /** The same command on another home (the simulation runs it on a copy). */
    public MigrateCommand home(Path other) {
        return new MigrateCommand(other, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, backupOptions);
    }

    /** How a real run backs up the home. */
    public MigrateCommand backupOptions(BackupOptions options) {
        return new MigrateCommand(home, migrations, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, options);
    }
}
