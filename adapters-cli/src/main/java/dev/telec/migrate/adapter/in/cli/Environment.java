package dev.telec.migrate.adapter.in.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the command line reads from its process: environment variables and the user's home. */
public interface Environment {

    Optional<String> variable(String name);

    Path userHome();

    static Environment system() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Environment of(Map<String, String> variables, Path userHome) {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
            }

            @Override
            public Path userHome() {
                return userHome;
            }
        };
    }
}
