package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.spi.Migration;
import java.util.Set;

/**
 * One form of entry document, recognised by its top-level field: {@code class:} names a Java step;
 * {@code operations:} (declarative steps) is a later form that slots in here.
 */
interface EntryKind {

    /** The top-level field that selects this form, e.g. {@code class}. */
    String field();

    /** Further top-level fields this form accepts beside {@link #field()} and the common ones. */
    default Set<String> extraFields() {
        return Set.of();
    }

    /**
     * The step the document describes.
     *
     * @throws dev.telec.migrate.api.ManifestException via {@link EntryDocument#error}
     */
    Migration create(EntryDocument document);
}
