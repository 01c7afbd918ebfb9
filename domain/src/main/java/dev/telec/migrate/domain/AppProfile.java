package dev.telec.migrate.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest tree says about the app its steps are for, from {@code telec.yaml} at the tree's root
 * (see docs/app-profile.md). A new key of that file gets a component here and one line in the file's parser.
 *
 * @param app the app the steps are for; a home whose state names another app is refused
 * @param home the default home as written ({@code ~/.myapp}); a leading {@code ~} stands for {@code $HOME}
 * @param homeVariable the environment variable that overrides {@code home} when it is set and not empty
 * @param python the interpreter of the tree's Python steps ({@code TELEC_PYTHON} overrides it)
 * @param sandbox how script steps are confined: {@code auto}, {@code required} or {@code off}
 * @param stepTimeout the time limit of each call of a script step whose entry sets none
 * @param keepBackups how many runs' backups a home keeps ({@code --keep-backups} overrides it)
 * @param backupLimit the largest snapshot of a home, in bytes, taken before a script step; a larger one refuses the run
 */
public record AppProfile(AppName app, Optional<String> home, Optional<String> homeVariable, Optional<String> python,
                         Optional<String> sandbox, Optional<Duration> stepTimeout, Optional<Integer> keepBackups,
                         Optional<Long> backupLimit) {

    public AppProfile {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(homeVariable, "homeVariable");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(keepBackups, "keepBackups");
        Objects.requireNonNull(backupLimit, "backupLimit");
    }

    public AppProfile(AppName app, Optional<String> home, Optional<String> homeVariable) {
        this(app, home, homeVariable, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A profile that names only its app. */
    public static AppProfile of(AppName app) {
        return new AppProfile(app, Optional.empty(), Optional.empty());
    }

    public AppProfile home(String value) {
        return new AppProfile(app, Optional.of(value), homeVariable, python, sandbox, stepTimeout, keepBackups, backupLimit);
    }

    public AppProfile homeVariable(String name) {
        return new AppProfile(app, home, Optional.of(name), python, sandbox, stepTimeout, keepBackups, backupLimit);
    }

    public AppProfile python(String value) {
        return new AppProfile(app, home, homeVariable, Optional.of(value), sandbox, stepTimeout, keepBackups, backupLimit);
    }

    public AppProfile sandbox(String value) {
        return new AppProfile(app, home, homeVariable, python, Optional.of(value), stepTimeout, keepBackups, backupLimit);
    }

    public AppProfile stepTimeout(Duration value) {
        return new AppProfile(app, home, homeVariable, python, sandbox, Optional.of(value), keepBackups, backupLimit);
    }

    public AppProfile keepBackups(int value) {
        return new AppProfile(app, home, homeVariable, python, sandbox, stepTimeout, Optional.of(value), backupLimit);
    }

    public AppProfile backupLimit(long bytes) {
        return new AppProfile(app, home, homeVariable, python, sandbox, stepTimeout, keepBackups, Optional.of(bytes));
    }
}
