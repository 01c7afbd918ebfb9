package dev.telec.migrate.application.port.in;

import java.util.List;
import java.util.function.Consumer;

/** {@code telec mark}: records steps as applied (outcome {@code marked}) or as pending again, running none. */
public interface MarkUseCase {

    /**
     * @param changed the steps whose record changed
     * @param unchanged the steps that already were as asked
     * @param ignored of {@code changed}, the pending ones at or below the recorded version: a plain run
     *     never reaches them, only a run with out-of-order steps does
     */
    record Marked(List<String> changed, List<String> unchanged, List<String> ignored) {
        public Marked {
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * @throws dev.telec.migrate.api.TelecException naming every id that is not a step of the
     *     manifest (nor, for {@code pending}, recorded in the state); nothing is written then
     */
    default Marked mark(MarkCommand command) {
        return mark(command, message -> { });
    }

    /**
     * {@link #mark(MarkCommand)}, telling {@code waiting} once when another run holds the home and this one waits
     * for it (with {@code lockWait}): who holds it and for how long this one will wait.
     */
    Marked mark(MarkCommand command, Consumer<String> waiting);
}
