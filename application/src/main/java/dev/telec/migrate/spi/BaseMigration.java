package dev.telec.migrate.spi;

/**
 * The class a Java step should extend rather than implementing {@link Migration} directly: when the step
 * contract gains a method, it gets its default here, so a step compiled against an older telec keeps
 * compiling and working (Flyway's {@code BaseJavaMigration} does the same for its migrations).
 *
 * <pre>{@code
 * public final class NotifyByDefault extends BaseMigration {
 *     public boolean check(MigrationContext c) throws IOException { ... }
 *     public boolean migrate(MigrationContext c) throws IOException { ... }
 * }
 * }</pre>
 *
 * <p>A subclass needs a public no-arg constructor, like any step named by a manifest's {@code class:}.
 */
public abstract class BaseMigration implements Migration {

    protected BaseMigration() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
