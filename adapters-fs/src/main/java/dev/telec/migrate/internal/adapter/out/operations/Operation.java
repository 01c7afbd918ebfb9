package dev.telec.migrate.internal.adapter.out.operations;

import dev.telec.migrate.spi.DurabilityBarrier;
import java.nio.file.Path;
import java.util.List;

/** One declarative change to a home: knows whether it is in effect and how to bring it about. */
interface Operation {

    /** Whether the change is in effect on every path it names; reads only. */
    boolean satisfied(Path home) throws Exception;

    /**
     * Brings the change about on every path it names where it is not yet in effect. Directories whose
     * entries it changes are given to {@code durability}, so they are durable before the step's record.
     */
    void apply(Path home, DurabilityBarrier durability) throws Exception;

    /**
     * The paths whose absence makes this operation do nothing (what a move moves, a delete deletes, a key
     * operation edits): a literal one that names no file is worth a note, as it may be a typo.
     */
    default List<HomePattern> sources() {
        return List.of();
    }

    /**
     * Whether {@link #apply} itself passes over every path where the change is already in effect, so that it
     * changes nothing when {@link #satisfied} holds: a step then applies it without asking {@code satisfied}
     * first (the same answers, read twice).
     */
    default boolean applyPassesOverWhatIsSatisfied() {
        return false;
    }

    /**
     * An operation whose {@link #apply} passes over each path where the change is in effect: mkdir over an
     * existing directory, move and delete over an absent source, copy over a source whose target exists,
     * write over a file that holds the content.
     */
    interface PassingOver extends Operation {
        @Override
        default boolean applyPassesOverWhatIsSatisfied() {
            return true;
        }
    }
}
