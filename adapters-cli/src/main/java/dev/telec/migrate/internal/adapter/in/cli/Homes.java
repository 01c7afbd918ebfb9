package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.api.HomeException;
import dev.telec.migrate.domain.AppProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the home is (docs/homes.md): {@code --home}, else the profile's {@code home_env} variable when it is set
 * and not empty, else the profile's {@code home}. A leading {@code ~} or {@code ~/} in any of them is
 * {@code $HOME} (the shell does not expand {@code --home=~/x}).
 */
final class Homes {

    private Homes() {
    }

    /**
     * The home, or empty when nothing names one.
     *
     * @param option {@code --home}, or null
     */
    static Optional<Path> resolve(Path option, Optional<AppProfile> profile, Environment environment) {
        if (option != null) return Optional.of(expand(option.toString(), environment));
        if (profile.isEmpty()) return Optional.empty();
        Optional<String> variable = profile.get().homeVariable().flatMap(environment::variable);
        return variable.or(() -> profile.get().home()).map(home -> expand(home, environment));
    }

    /** Why {@link #resolve} found no home, for the usage error; {@code migrations} null for the bundled steps. */
    static String noDefault(Optional<AppProfile> profile, Path migrations) {
        if (profile.isEmpty()) {
            return (migrations == null ? "the bundled steps have" : migrations + " has") + " no telec.yaml naming a default home";
        }
        return (migrations == null ? "the bundled steps' telec.yaml" : migrations.resolve("telec.yaml").toString())
                + " names no default home (home:)" + profile.get().homeVariable().map(v -> " and $" + v + " is not set").orElse("");
    }

    /** {@code ~} and {@code ~/rest} from {@code $HOME} (the user's home when it is not set); any other path as it is. */
    static Path expand(String path, Environment environment) {
        if (!path.equals("~") && !path.startsWith("~/")) return Path.of(path);
        Path home = environment.variable("HOME").map(Path::of).orElseGet(environment::userHome);
        String rest = path.substring(1).replaceFirst("^/+", "");
        return rest.isEmpty() ? home : home.resolve(rest);
    }

    /** Refuses a home that does not exist, unless it is to be created: a typo must not become a new, "migrated" home. */
    static void requireExisting(Path home, boolean create) {
        if (!create && !Files.exists(home)) {
            throw new HomeException(home, "no such home (nothing to migrate; --create-home creates it)");
        }
    }
}
