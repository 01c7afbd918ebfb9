package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.StateException;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A state store that keeps states in memory and remembers every save, for tests. */
final class InMemoryStateStore implements StateStore {

    private final Map<Path, MigrationState> states = new HashMap<>();
    final List<MigrationState> saves = new ArrayList<>();
    int failSaveNumber = -1; // 1-based; -1: never

    @Override
    public MigrationState load(Path home) {
        return states.getOrDefault(home, MigrationState.EMPTY);
    }

    @Override
    public void save(Path home, MigrationState state) {
        if (saves.size() + 1 == failSaveNumber) {
            saves.add(null);
            throw new StateException(home.resolve("migration_state.json"), "No space left on device", null);
        }
        saves.add(state);
        states.put(home, state);
    }

    void put(Path home, MigrationState state) {
        states.put(home, state);
    }
}
