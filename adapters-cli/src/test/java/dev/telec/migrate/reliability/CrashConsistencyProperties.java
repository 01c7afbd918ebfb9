package dev.telec.migrate.reliability;

import dev.telec.migrate.reliability.CrashConsistencyTest.Machine;
import dev.telec.migrate.reliability.CrashConsistencyTest.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CrashConsistencyProperties {

    static final Reference REFERENCE;

    static {
        try {
            REFERENCE = CrashConsistencyTest.reference(CrashConsistencyTest.onJimfs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Crashes during recovery too: a run crashed at a random point, its rerun crashed again, and so on. */
    @Property(tries = 100)
    void repeatedCrashesIncludingDuringRecoveryStillConverge(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 90) Integer> crashes)
            throws IOException {
        Machine m = CrashConsistencyTest.onJimfs().get();
        for (int k : crashes) {
            m.fs.crashAt(k);
            m.run();
            m.fs.crash();
            CrashConsistencyTest.assertConsistentAfterInterruption(m, "crashes " + crashes);
        }
        Reference ref = REFERENCE;
        CrashConsistencyTest.assertSameAsUninterrupted(m, ref, "crashes " + crashes);
    }
}
