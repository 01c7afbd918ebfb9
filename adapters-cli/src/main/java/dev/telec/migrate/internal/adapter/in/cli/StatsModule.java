package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.port.out.StateStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's wiring (TELEC_STATS): the production state store, counting the bytes it writes to
 * snapshots and journals into {@code bytesWritten}. Overrides {@link TelecModule}'s store; used by nothing else.
 */
final class StatsModule extends AbstractModule {

    private final LongAdder bytesWritten;

    StatsModule(LongAdder bytesWritten) {
        this.bytesWritten = bytesWritten;
    }

    @Provides
    @Singleton
    StateStore stateStore() {
        return new JsonStateStore(bytesWritten::add);
    }
}
