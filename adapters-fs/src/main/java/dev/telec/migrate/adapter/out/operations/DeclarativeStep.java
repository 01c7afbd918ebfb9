package dev.telec.migrate.adapter.out.operations;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.util.List;

/**
 * A step made of operations: {@link #check} holds when every operation is satisfied; {@link #migrate}
 * applies, in order, each operation not yet satisfied. Each operation's {@code apply} leaves it satisfied,
 * so applying the step twice equals applying it once.
 */
public final class DeclarativeStep implements Migration {

    private final List<Operation> operations;
    private final List<String> labels;

    DeclarativeStep(List<Operation> operations, List<String> labels) {
        this.operations = List.copyOf(operations);
        this.labels = List.copyOf(labels);
    }

    @Override
    public boolean check(MigrationContext context) throws Exception {
        for (Operation op : operations) {
            if (!op.satisfied(context.home())) return false;
        }
        return true;
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            try {
                if (!op.satisfied(context.home())) op.apply(context.home(), context.durability());
            } catch (OperationFailure e) {
                throw new OperationFailure("operation " + i + " (" + labels.get(i) + "): " + e.getMessage(), e);
            }
        }
        return true;
    }

    /** How many operations; for tests and messages. */
    public int size() {
        return operations.size();
    }

    @Override
    public String toString() {
        return "DeclarativeStep" + labels;
    }
}
