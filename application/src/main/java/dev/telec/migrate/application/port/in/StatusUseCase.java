package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.HomeStatus;

/**
 * What is applied, pending, ignored and missing on a home, and which applied steps drifted. Reads only:
 * takes no lock, calls no step's check() or migrate(), and reads entries only for their checksums.
 */
public interface StatusUseCase {

    /**
     * @throws dev.telec.migrate.api.TelecException when the manifest or the state cannot be read
     */
    HomeStatus status(StatusCommand command);
}
