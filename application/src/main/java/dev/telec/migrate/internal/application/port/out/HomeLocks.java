package dev.telec.migrate.internal.application.port.out;

import dev.telec.migrate.api.LockedException;
import dev.telec.migrate.api.TelecException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Exclusive access to a home for one run that writes to it, so that two runs never apply the same step
 * twice. A dry-run takes no lock.
 */
public interface HomeLocks {

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** No locking at all: for tests of the runner alone, and for callers that serialize runs themselves. */
    HomeLocks NONE = (home, wait) -> () -> { };

    /**
     * Takes the home's lock, creating the home when it does not exist, waiting up to {@code wait} for another
     * holder to release it.
     *
     * @throws LockedException when another run still holds it after {@code wait}
     * @throws TelecException naming the path when the lock cannot be taken for another reason (a read-only
     *     home, a home that is a file); nothing was written then
     */
    Held acquire(Path home, Duration wait);

    /**
     * {@link #acquire(Path, Duration)}, telling {@code waiting} once, with who holds the lock and how long it
     * waits, when it has to wait for another holder.
     */
    default Held acquire(Path home, Duration wait, Consumer<String> waiting) {
        return acquire(home, wait);
    }

    /**
     * {@link #acquire(Path, Duration, Consumer)} for {@code what} (the use case that writes: {@code migrate},
     * {@code stamp}, {@code mark}, {@code repair}, {@code restore}), which the lock records so that a run it refuses
     * can say what holds the home.
     */
    default Held acquire(Path home, Duration wait, String what, Consumer<String> waiting) {
        return acquire(home, wait, waiting);
    }

    /** {@link #acquire(Path, Duration, String, Consumer)}, waiting silently. */
    default Held acquire(Path home, Duration wait, String what) {
        return acquire(home, wait, what, message -> { });
    }
}
