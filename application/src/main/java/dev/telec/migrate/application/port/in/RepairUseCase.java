package dev.telec.migrate.application.port.in;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code telec repair}: compacts the journal into the snapshot, removes leftover temporary files,
 * re-records the checksums of drifted steps as they are now (outcome {@code repaired}) and, when asked,
 * drops recorded ids that are no longer in the manifest. Runs no step.
 */
public interface RepairUseCase {

    /**
     * What was done (or, in a dry-run, would be).
     *
     * @param leftovers the files tidied away, each described
     * @param repaired the drifted steps whose checksum was re-recorded
     * @param pruned the missing ids dropped
     * @param missingKept the missing ids kept, because pruning was not asked for
     */
    record Repaired(boolean dryRun, List<String> leftovers, List<String> repaired, List<String> pruned,
                    List<String> missingKept) {
        public Repaired {
            leftovers = List.copyOf(leftovers);
            repaired = List.copyOf(repaired);
            pruned = List.copyOf(pruned);
            missingKept = List.copyOf(missingKept);
        }

        /** Whether there was anything to repair. */
        public boolean changed() {
            return !leftovers.isEmpty() || !repaired.isEmpty() || !pruned.isEmpty();
        }
    }

    default Repaired repair(RepairCommand command) {
        return repair(command, message -> { });
    }

    /**
     * {@link #repair(RepairCommand)}, telling {@code waiting} once when another run holds the home and this one waits
     * for it (with {@code lockWait}): who holds it and for how long this one will wait.
     */
    Repaired repair(RepairCommand command, Consumer<String> waiting);
}
