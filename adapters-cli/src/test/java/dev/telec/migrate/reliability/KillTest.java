package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SIGKILLs of a child {@code telec migrate} (see {@link KillHarness}): a few in the suite;
 * {@code scripts/kill-test.sh N} runs N.
 */
class KillTest {

    @TempDir
    Path work;

    @Test
    void killedRunsLoseNothingDoubleNothingCorruptNothingAndLeaveNoStaleLock() throws Exception {
        int kills = Integer.getInteger("telec.kills", 10);
        long seed = Long.getLong("telec.seed", System.nanoTime());

        KillHarness.Figures figures = new KillHarness(work, seed).run(kills);

        System.out.println("[reliability] seed " + seed + ": " + figures);
        assertThat(figures.kills()).isEqualTo(kills);
    }

    @Test
    void killedRunsInTheMiddleOfScriptStepsLoseNothingDoubleNothingCorruptNothing() throws Exception {
        int kills = Integer.getInteger("telec.scriptKills", 6);
        long seed = Long.getLong("telec.seed", System.nanoTime());

        KillHarness.Figures figures = new KillHarness(work, seed, true).run(kills);

        System.out.println("[reliability] script steps, seed " + seed + ": " + figures);
        assertThat(figures.kills()).isEqualTo(kills);
    }
}
