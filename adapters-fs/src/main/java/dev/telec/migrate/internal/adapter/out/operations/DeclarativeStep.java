package dev.telec.migrate.internal.adapter.out.operations;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step made of operations: {@link #check} holds when every operation is satisfied; {@link #migrate}
 * applies, in order, each operation not yet satisfied. Each operation's {@code apply} leaves it satisfied,
 * so applying the step twice equals applying it once. Operations are numbered from 1 in messages, as a
 * person counts the entries of the list.
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
        noteMissingSources(context);
        for (Operation op : operations) {
            if (!op.satisfied(context.home())) return false;
        }
        return true;
    }

    /** A literal path that names no file makes its operation a no-op: said, so that a typo does not pass unseen. */
    private void noteMissingSources(MigrationContext context) {
        for (int i = 0; i < operations.size(); i++) {
            for (HomePattern source : operations.get(i).sources()) {
                if (source.hasWildcards()) continue;
                // only whether it exists: where it leads is checked when the operation runs
                Path path = context.home().resolve(source.toString());
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    context.note(source + " does not exist (" + labels.get(i) + ", operation " + (i + 1) + ")");
                }
            }
        }
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            try {
                if (op.applyPassesOverWhatIsSatisfied() || !op.satisfied(context.home())) op.apply(context.home(), context.durability());
            } catch (OperationFailure e) {
                throw new OperationFailure(labels.get(i) + " (operation " + (i + 1) + "): "
                        + relative(e.getMessage(), context.home()), e);
            }
        }
        return true;
    }

    /** {@code message} with the home's own prefix taken off the paths in it: {@code config.json}, as the entry names it. */
    static String relative(String message, Path home) {
        String prefix = home.toString() + home.getFileSystem().getSeparator();
        Matcher m = Pattern.compile("(?<![\\w.~/-])" + Pattern.quote(prefix)).matcher(message);
        return m.replaceAll("");
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
