package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.MigrationId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records steps as in effect without running them ({@code applied}), or takes them out of the applied set
 * so that the next run asks their check() again ({@code pending}).
 *
 * @param ids canonical step ids; {@link #parseIds} also takes {@code v1.1.0/001_x.yaml} and {@code 1.1.0/001_x.py}
 */
public record MarkCommand(Path home, Optional<Path> migrations, List<MigrationId> ids, As as,
                          boolean allowInsecureMigrations, Duration lockWait) {

    /** What the steps become. */
    public enum As { APPLIED, PENDING }

    public MarkCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(as, "as");
        Objects.requireNonNull(lockWait, "lockWait");
        ids = List.copyOf(ids);
        if (ids.isEmpty()) throw new IllegalArgumentException("name at least one step id, like 1.1.0/001_rename_feature_toggle");
        if (lockWait.isNegative()) throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait);
    }

    public static MarkCommand of(Path home, As as, String... ids) {
        return new MarkCommand(home, Optional.empty(), parseIds(List.of(ids)), as, false, Duration.ZERO);
    }

    public MarkCommand migrations(Path manifestDirectory) {
        return new MarkCommand(home, Optional.of(manifestDirectory), ids, as, allowInsecureMigrations, lockWait);
    }

    /**
     * Step ids as people write them: {@code 1.1.0/001_x}, with a {@code v} before the version or an entry
     * file's extension ({@code v1.1.0/001_x.yaml}, the reference runner's {@code 1.1.0/001_x.py}).
     *
     * @throws IllegalArgumentException quoting the first one that is not a step id
     */
    public static List<MigrationId> parseIds(List<String> texts) {
        List<MigrationId> ids = new ArrayList<>(texts.size());
        for (String text : texts) {
            String t = text.strip();
            int slash = t.indexOf('/');
            int dot = t.lastIndexOf('.');
            if (slash >= 0 && dot > slash) t = t.substring(0, dot);
            try {
                ids.add(MigrationId.parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a step id (version/NNN_description, like 1.1.0/001_rename): '" + text + "'", e);
            }
        }
        return ids;
    }
}
