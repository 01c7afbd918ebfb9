package dev.telec.migrate.adapter.in.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every operator verb shares with {@code migrate}: which home, which steps, how to answer. */
final class HomeOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "The deployment home (default: $" + MigrateCli.HOME_VARIABLE + ", else ~/.teleclaude).")
    Path home;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Take steps from this manifest tree instead of the bundled one; jars in DIR/lib are on the class path.")
    Path migrations;

    @Option(names = "--allow-insecure-migrations",
            description = "Read step classes from a --migrations directory or jar even when it is group- or world-writable.")
    boolean allowInsecureMigrations;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout, also on errors.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    /** The home as {@code migrate} finds it. */
    Path home(Environment environment) {
        return MigrateCli.resolveHome(home, environment);
    }

    /** The home only when one is named: for verbs that also work without one. */
    Optional<Path> namedHome() {
        return Optional.ofNullable(home);
    }

    Optional<Path> migrations() {
        return Optional.ofNullable(migrations);
    }
}
