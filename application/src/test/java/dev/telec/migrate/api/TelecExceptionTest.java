package dev.telec.migrate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelecExceptionTest {

    @Test
    void everyKindIsCaughtByThePublicBase() {
        Path state = Path.of("/srv/app/migration_state.json");
        List<RuntimeException> thrown = List.of(new TelecException("plain"),
                new ManifestException(Path.of("/srv/steps/v1.0.0"), "no steps"),
                new StateException(state, "cannot read: permission denied", null),
                new RangeException("the range starts at 2.0.0, after its end, 1.0.0"),
                new DowngradeException(Path.of("/srv/app"), "records 3.0.0"),
                new UsageException("no step version 9.0.0"),
                new LockedException(Path.of("/srv/app/.telec.lock"), "held by pid 42"),
                new ForeignHomeException(Path.of("/srv/app"), "other", "myapp"),
                new HomeException(Path.of("/srv/app"), "no such home"));
        for (RuntimeException e : thrown) {
            assertThat(e).isInstanceOf(TelecException.class);
            assertThat(e.getClass().getPackageName()).isEqualTo("dev.telec.migrate.api");
            assertThat(e.getClass().getEnclosingClass()).isNull();
        }
        assertThat(thrown.get(4)).isInstanceOf(RangeException.class);
    }

    @Test
    void theMessageStartsWithTheFileThePublicTypeNames() {
        TelecException e = new StateException(Path.of("/srv/app/migration_state.json"), "too large", null);
        assertThat(e.getMessage()).isEqualTo("/srv/app/migration_state.json: too large");
        assertThat(e.file()).contains(Path.of("/srv/app/migration_state.json"));
    }

    @Test
    void aForeignHomeNamesBothApps() {
        assertThat(new ForeignHomeException(Path.of("/srv/app"), "other", "myapp").getMessage())
                .isEqualTo("/srv/app belongs to app 'other', these steps are for 'myapp'");
    }
}
