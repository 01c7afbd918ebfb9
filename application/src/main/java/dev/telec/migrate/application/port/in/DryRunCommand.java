package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to dry-run: the run a {@link MigrateCommand} describes, and how the dry-run is made.
 *
 * <pre>{@code
 * DryRunCommand.of(MigrateCommand.of(home).to(Version.parse("1.2.0"))).options(DryRunOptions.DEFAULT.diffs(false))
 * }</pre>
 *
 * @param run the run whose effects are shown (its lock wait and dry-run flag play no part)
 * @param options simulated or check-only, diffs, masking, the largest home copied
 */
public record DryRunCommand(MigrateCommand run, DryRunOptions options) {

    @SuppressWarnings("deprecation")
    public DryRunCommand {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(options, "options");
        run = run.dryRun(false).dryRunOptions(options);
    }

    /** A dry-run of {@code run}, with the dry-run options it carries. */
    public static DryRunCommand of(MigrateCommand run) {
        return new DryRunCommand(run, run.dryRunOptions());
    }

    /** A dry-run of migrating {@code home} with the bundled manifest, with the default options. */
    public static DryRunCommand of(Path home) {
        return of(MigrateCommand.of(home));
    }

    public DryRunCommand options(DryRunOptions value) {
        return new DryRunCommand(run, value);
    }

    public Path home() {
        return run.home();
    }
}
