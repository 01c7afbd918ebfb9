package dev.telec.migrate.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.application.TelecException.LockedException;
import dev.telec.migrate.application.TelecException.StateException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelecExceptionTest {

    @Test
    void everyKindIsCaughtByThePublicNameAndByTheOlderOne() {
        List<RuntimeException> thrown = List.of(new TelecException("plain"),
                new StateException(Path.of("/srv/app/migration_state.json"), "cannot read: permission denied", null),
                new LockedException(Path.of("/srv/app/.telec.lock"), "held by pid 42"));
        for (RuntimeException e : thrown) {
            assertThat(e).isInstanceOf(dev.telec.migrate.api.TelecException.class).isInstanceOf(TelecException.class);
        }
    }

    @Test
    void theMessageStartsWithTheFileThePublicTypeNames() {
        dev.telec.migrate.api.TelecException e = new StateException(Path.of("/srv/app/migration_state.json"), "too large", null);
        assertThat(e.getMessage()).isEqualTo("/srv/app/migration_state.json: too large");
        assertThat(e.file()).contains(Path.of("/srv/app/migration_state.json"));
    }
}
