package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to migrate: a home, where its steps come from, an optional range and whether to only report what
 * would happen.
 *
 * <pre>{@code
 * MigrateCommand.of(home, StepSource.classPath("myapp/migrations/")).to(Version.parse("1.2.0")).dryRun(true)
 * }</pre>
 *
 * @param steps the one source of steps (see {@link StepSource}); nothing else is read
 * @param from empty: the version the home's state records, or 0.0.0 when it records none
 * @param to empty: the newest version in the manifest
 * @param allowDowngrade a home whose recorded version is newer than {@code to} (an older telec on a newer
 *     home) is left as it is and reported as nothing to do, instead of refused
 * @param allowInsecureMigrations load step classes from a {@code migrations} directory or jar even when it
 *     is group- or world-writable
 * @param lockWait how long a real run waits for another run that holds the home; zero: not at all
 * @param dryRunOptions how a dry-run is made (simulated or check-only, diffs, masking); ignored by a real run
 * @param backupOptions how a real run backs up the home (pre-images, rollback, retention); ignored by a dry-run
 * @param outOfOrder also run the ignored steps: those at or below the version the run starts after that the
 *     state does not record (a hotfix added under a version the home has passed), in (version, NNN) order
 *     before the others; without it they are reported as {@code ignored} and left alone
 */
public record MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                             boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations,
                             Duration lockWait, DryRunOptions dryRunOptions, boolean outOfOrder,
                             BackupOptions backupOptions) {

    public MigrateCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(dryRunOptions, "dryRunOptions");
        Objects.requireNonNull(backupOptions, "backupOptions");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait.toSeconds() + " s");
        }
    }

    /** A command with the default backup options ({@link BackupOptions#DEFAULT}). */
    public MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                          boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations, Duration lockWait,
                          DryRunOptions dryRunOptions, boolean outOfOrder) {
        this(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait, dryRunOptions, outOfOrder,
                BackupOptions.DEFAULT);
    }

    /** A command that leaves ignored steps alone. */
    public MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                          boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations, Duration lockWait,
                          DryRunOptions dryRunOptions) {
        this(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait, dryRunOptions, false);
    }

    /** A command with the default dry-run options ({@link DryRunOptions#DEFAULT}). */
    public MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                          boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations, Duration lockWait) {
        this(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait, DryRunOptions.DEFAULT);
    }

    /** A command with the defaults: no downgrade, no insecure manifests, no waiting for the lock, default dry-run options. */
    public MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                          boolean dryRun) {
        this(home, steps, from, to, dryRun, false, false, Duration.ZERO);
    }

    /** Migrates {@code home} with the steps of {@code steps}, from its recorded version to the newest. */
    public static MigrateCommand of(Path home, StepSource steps) {
        return new MigrateCommand(home, steps, Optional.empty(), Optional.empty(), false);
    }

    /** Migrates {@code home} with the bundled TeleClaude steps ({@link StepSource#bundled()}). */
    public static MigrateCommand of(Path home) {
        return of(home, StepSource.bundled());
    }

    /** Takes the steps from {@code source} instead. */
    public MigrateCommand steps(StepSource source) {
        return new MigrateCommand(home, source, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, outOfOrder, backupOptions);
    }

    /** Takes the steps from the manifest tree in {@code manifestDirectory} ({@link StepSource#directory(Path)}). */
    public MigrateCommand migrations(Path manifestDirectory) {
        return steps(StepSource.directory(manifestDirectory));
    }

    public MigrateCommand from(Version version) {
        return new MigrateCommand(home, steps, Optional.of(version), to, dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions, outOfOrder, backupOptions);
    }

    public MigrateCommand to(Version version) {
        return new MigrateCommand(home, steps, from, Optional.of(version), dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions, outOfOrder, backupOptions);
    }

    /**
     * @deprecated a dry-run is a use case of its own: {@link DryRunUseCase#dryRun(DryRunCommand)} with
     *     {@link DryRunCommand#of(MigrateCommand)}. A command with this flag given to {@link MigrateUseCase} is
     *     still dry-run.
     */
    @Deprecated
    public MigrateCommand dryRun(boolean value) {
        return new MigrateCommand(home, steps, from, to, value, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, outOfOrder, backupOptions);
    }

    public MigrateCommand allowDowngrade(boolean value) {
        return new MigrateCommand(home, steps, from, to, dryRun, value, allowInsecureMigrations, lockWait,
                dryRunOptions, outOfOrder, backupOptions);
    }

    public MigrateCommand allowInsecureMigrations(boolean value) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, value, lockWait, dryRunOptions, outOfOrder, backupOptions);
    }

    public MigrateCommand lockWait(Duration value) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, value,
                dryRunOptions, outOfOrder, backupOptions);
    }

    /** How a dry-run is made (simulated or check-only, diffs, masking); ignored by a real run. */
    public MigrateCommand dryRunOptions(DryRunOptions options) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                options, outOfOrder, backupOptions);
    }

    /** Whether to run the ignored steps too (see {@code outOfOrder}). */
    public MigrateCommand outOfOrder(boolean value) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, value, backupOptions);
    }

    /** The same command on another home (the simulation runs it on a copy). */
    public MigrateCommand home(Path other) {
        return new MigrateCommand(other, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, outOfOrder, backupOptions);
    }

    /** How a real run backs up the home. */
    public MigrateCommand backupOptions(BackupOptions options) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions, outOfOrder, options);
    }
}
