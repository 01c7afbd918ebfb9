package dev.telec.migrate.spi;

/**
 * One idempotent migration step. Step authors implement this in a public class with a public no-arg
 * constructor and name it in a manifest entry ({@code class: com.example.MyStep}).
 *
 * <p>Every path a step touches must be derived from {@link MigrationContext#home()}: the home may live on
 * any {@link java.nio.file.FileSystem} (an in-memory one in tests and in simulations). An exception thrown
 * from either method is a failure that halts the run and is reported with its type and message.
 */
public interface Migration {

    /** true when the change is already present; must be side-effect free. */
    boolean check(MigrationContext context) throws Exception;

    /** applies the change; true on success, false for a handled failure. */
    boolean migrate(MigrationContext context) throws Exception;

    /**
     * The version of this step's definition, when its class file does not say it well (a step that reads
     * a resource, or is generated): any text that changes when the step's effect changes. telec records it
     * (as {@code step:<text>}) with the step, and {@code telec status} flags the step as drifted when it
     * changes. The default, empty, lets telec use the checksum of the class file instead. Must not touch the
     * home.
     */
    default java.util.Optional<String> checksum() {
        return java.util.Optional.empty();
    }
}
