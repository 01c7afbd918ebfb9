package dev.telec.migrate.adapter.out.operations;

/** The document operations: set, default, remove, rename_key, convert. */
final class DocumentOperations {

    private DocumentOperations() {}

    static Operation create(Spec s) {
        throw s.error("not supported yet");
    }
}
