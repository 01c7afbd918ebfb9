package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.internal.adapter.out.operations.InvalidOperationException;
import dev.telec.migrate.internal.adapter.out.operations.Operations;
import dev.telec.migrate.spi.Migration;

/**
 * {@code operations: [...]}: a declarative step ({@link dev.telec.migrate.internal.adapter.out.operations.DeclarativeStep}).
 * Every operation is validated here, including that its paths stay inside the home, so a bad one fails when
 * the entry is resolved, which the runner does for every pending step before running any.
 */
final class OperationsEntryKind implements EntryKind {

    @Override
    public String field() {
        return "operations";
    }

    @Override
    public Migration create(EntryDocument document) {
        try {
            return Operations.parse(document.fields().get(field()));
        } catch (InvalidOperationException e) {
            throw document.error(e.getMessage(), e);
        }
    }
}
