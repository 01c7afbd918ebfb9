package dev.telec.migrate.testing;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;

/** Classes a manifest entry may name but that cannot be used as steps, one reason each. */
public final class BrokenSteps {

    private BrokenSteps() {}

    /** Not a {@link Migration} at all. */
    public static class NotAMigration {
        public NotAMigration() {}
    }

    /** No public no-arg constructor. */
    public static class NoNoArgConstructor extends RecordingMigration {
        public NoNoArgConstructor(String ignored) {}
    }

    /** A constructor that throws. */
    public static class ThrowingConstructor extends RecordingMigration {
        public ThrowingConstructor() {
            throw new IllegalStateException("boom");
        }
    }

    /** A constructor that throws an Error. */
    public static class ErrorInConstructor extends RecordingMigration {
        public ErrorInConstructor() {
            throw new NoClassDefFoundError("com/example/Gone");
        }
    }

    /** A static initializer that throws: instantiating it is an ExceptionInInitializerError. */
    public static class FailingStaticInitializer extends RecordingMigration {
        static final int VALUE = fail();

        private static int fail() {
            throw new IllegalStateException("no config");
        }
    }

    /** Abstract. */
    public abstract static class AbstractStep implements Migration {
        public AbstractStep() {}
    }

    /** Not public. */
    static class Hidden extends RecordingMigration {
        public Hidden() {}
    }

    /** Public, but its only constructor is not. */
    public static class PrivateConstructor implements Migration {
        private PrivateConstructor() {}

        @Override
        public boolean check(MigrationContext context) {
            return true;
        }

        @Override
        public boolean migrate(MigrationContext context) {
            return true;
        }
    }
}
