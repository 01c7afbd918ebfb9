package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.domain.AppProfile;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every operator verb shares with {@code migrate}: which home, which steps, how to answer. */
final class HomeOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "The deployment home (default: the variable the steps' telec.yaml names in home_env, "
                    + "else its home; for the bundled steps $TELECLAUDE_HOME, else ~/.teleclaude). A leading ~ is $HOME.")
    Path home;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Take steps from this manifest tree instead of the bundled one; jars in DIR/lib are on the class path.")
    Path migrations;

    @Option(names = "--allow-insecure-migrations",
            description = "Load step classes from a --migrations directory or jar even when it is group- or world-writable.")
    boolean allowInsecureMigrations;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout, also on errors.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces with errors (telec migrate: also script steps' output, "
            + "on stderr, as it comes).")
    boolean verbose;

    /** The home as {@code telec migrate} finds it; it must exist (a typo must not read as a fresh home). */
    Path home(CommandSpec spec, FindAppProfile profiles, Environment environment) {
        Path found = resolve(spec, profiles, environment);
        Homes.requireExisting(found, false);
        return found;
    }

    /** The profile {@link #resolve} read to find the home, which {@link #steps()} hands on to the run; null: none read. */
    private Optional<AppProfile> profileRead;

    /** {@code --home}, else the home the steps' profile names, existing or not; none is a usage error. */
    Path resolve(CommandSpec spec, FindAppProfile profiles, Environment environment) {
        if (home == null) profileRead = profiles.profile(steps());
        Optional<AppProfile> profile = home == null ? profileRead : Optional.empty();
        return Homes.resolve(home, profile, environment).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--home is required: " + Homes.noDefault(profile, migrations)));
    }

    /**
     * The --migrations tree, else the bundled steps; with the profile {@link #resolve} read, when it read one, so
     * that a run reads {@code telec.yaml} once.
     */
    StepSource steps() {
        StepSource source = StepSource.directoryOrBundled(migrations());
        return profileRead == null ? source : source.withProfile(profileRead);
    }

    /**
     * For verbs that also work without a home: {@code --home} (which must exist), else the home the steps'
     * profile names when it exists, else none.
     */
    Optional<Path> namedHome(FindAppProfile profiles, Environment environment) {
        if (home != null) {
            Path found = Homes.expand(home.toString(), environment);
            Homes.requireExisting(found, false);
            return Optional.of(found);
        }
        return Homes.resolve(null, profiles.profile(steps()), environment).filter(java.nio.file.Files::isDirectory);
    }

    Optional<Path> migrations() {
        return Optional.ofNullable(migrations);
    }
}
