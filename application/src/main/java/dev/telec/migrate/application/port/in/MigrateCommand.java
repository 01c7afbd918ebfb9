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
 */
public record MigrateCommand(Path home, StepSource steps, Optional<Version> from, Optional<Version> to,
                             boolean dryRun, boolean allowDowngrade, boolean allowInsecureMigrations,
                             Duration lockWait, DryRunOptions dryRunOptions) {

    public MigrateCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(dryRunOptions, "dryRunOptions");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("--from " + from.get() + " is after --to " + to.get());
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("--wait must not be negative: " + lockWait.toSeconds());
        }
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
                dryRunOptions);
    }

    /** Takes the steps from the manifest tree in {@code manifestDirectory} ({@link StepSource#directory(Path)}). */
    public MigrateCommand migrations(Path manifestDirectory) {
        return steps(StepSource.directory(manifestDirectory));
    }

    public MigrateCommand from(Version version) {
        return new MigrateCommand(home, steps, Optional.of(version), to, dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions);
    }

    public MigrateCommand to(Version version) {
        return new MigrateCommand(home, steps, from, Optional.of(version), dryRun, allowDowngrade,
                allowInsecureMigrations, lockWait, dryRunOptions);
    }

    /**
     * @deprecated a dry-run is a use case of its own: {@link DryRunUseCase#dryRun(DryRunCommand)} with
     *     {@link DryRunCommand#of(MigrateCommand)}. A command with this flag given to {@link MigrateUseCase} is
     *     still dry-run.
     */
    @Deprecated
    public MigrateCommand dryRun(boolean value) {
        return new MigrateCommand(home, steps, from, to, value, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions);
    }

    public MigrateCommand allowDowngrade(boolean value) {
        return new MigrateCommand(home, steps, from, to, dryRun, value, allowInsecureMigrations, lockWait,
                dryRunOptions);
    }

    public MigrateCommand allowInsecureMigrations(boolean value) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, value, lockWait, dryRunOptions);
    }

    public MigrateCommand lockWait(Duration value) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, value,
                dryRunOptions);
    }

    /** How a dry-run is made (simulated or check-only, diffs, masking); ignored by a real run. */
    public MigrateCommand dryRunOptions(DryRunOptions options) {
        return new MigrateCommand(home, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                options);
    }

    /** The same command on another home (the simulation runs it on a copy). */
    public MigrateCommand home(Path other) {
        return new MigrateCommand(other, steps, from, to, dryRun, allowDowngrade, allowInsecureMigrations, lockWait,
                dryRunOptions);
    }
}
