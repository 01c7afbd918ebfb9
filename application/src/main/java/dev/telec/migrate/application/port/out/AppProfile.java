package dev.telec.migrate.application.port.out;

import dev.telec.migrate.domain.AppName;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest tree says about the app its steps are for, from {@code telec.yaml} at the tree's root
 * (see docs/app-profile.md). A new key of that file gets a component here and one line in the file's parser.
 *
 * @param app the app the steps are for; a home whose state names another app is refused
 * @param home the default home as written ({@code ~/.myapp}); a leading {@code ~} stands for {@code $HOME}
 * @param homeVariable the environment variable that overrides {@code home} when it is set and not empty
 */
public record AppProfile(AppName app, Optional<String> home, Optional<String> homeVariable) {

    public AppProfile {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(homeVariable, "homeVariable");
    }

    /** A profile that names only its app. */
    public static AppProfile of(AppName app) {
        return new AppProfile(app, Optional.empty(), Optional.empty());
    }

    public AppProfile home(String value) {
        return new AppProfile(app, Optional.of(value), homeVariable);
    }

    public AppProfile homeVariable(String name) {
        return new AppProfile(app, home, Optional.of(name));
    }
}
