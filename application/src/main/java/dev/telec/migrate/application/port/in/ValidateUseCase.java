package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.Validation;

/**
 * Resolves every entry of a manifest (documents parse, classes load and are steps, declarative operations
 * are valid) and, with a home, reports its drifted, missing and ignored steps. Writes nothing, runs no step.
 */
public interface ValidateUseCase {

    /**
     * @throws dev.telec.migrate.api.TelecException when the manifest tree itself (not one entry) or
     *     the state cannot be read
     */
    Validation validate(ValidateCommand command);
}
