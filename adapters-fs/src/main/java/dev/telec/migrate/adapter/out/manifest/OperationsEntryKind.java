package dev.telec.migrate.adapter.out.manifest;

import dev.telec.migrate.spi.Migration;

/** {@code operations: [...]}: declarative steps, recognised so that they are refused clearly until supported. */
final class OperationsEntryKind implements EntryKind {

    @Override
    public String field() {
        return "operations";
    }

    @Override
    public Migration create(EntryDocument document) {
        throw document.error("declarative operations: are not supported by this version");
    }
}
