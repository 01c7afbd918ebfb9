package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.Version;
import java.util.List;
import java.util.function.Consumer;

/**
 * For an installer that has just laid out a fresh home at a version: records that version and every step
 * up to it as in effect (outcome {@code stamped}, with checksums), without calling any check() or migrate().
 */
public interface StampUseCase {

    /** What was recorded: the version and the steps newly stamped, in order. */
    record Stamped(Version version, List<String> stamped) {
        public Stamped {
            stamped = List.copyOf(stamped);
        }
    }

    /**
     * @throws dev.telec.migrate.api.UsageException when the version is above the
     *     manifest's newest step
     * @throws dev.telec.migrate.api.TelecException when the state already records steps and the
     *     command does not force it; nothing is written then
     */
    default Stamped stamp(StampCommand command) {
        return stamp(command, message -> { });
    }

    /**
     * {@link #stamp(StampCommand)}, telling {@code waiting} once when another run holds the home and this one waits
     * for it (with {@code lockWait}): who holds it and for how long this one will wait.
     */
    Stamped stamp(StampCommand command, Consumer<String> waiting);
}
