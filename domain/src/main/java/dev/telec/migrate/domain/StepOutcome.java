package dev.telec.migrate.domain;

import java.util.Locale;

/** What happened to one step in a run, or what would happen in a dry-run. */
public enum StepOutcome {
    APPLIED,
    SKIPPED_APPLIED,
    SKIPPED_CHECK,
    FAILED,
    NOT_RUN,
    WOULD_APPLY,
    WOULD_SKIP_APPLIED,
    WOULD_SKIP_CHECK,
    /**
     * Not run: at or below the version the run starts after and not recorded (a hotfix added under a version
     * the home has passed, a step {@code --from} skipped). Reported on every run until {@code --out-of-order}
     * runs it or {@code telec mark} records it.
     */
    IGNORED,
    /** Recorded as in effect by {@code telec stamp}: a fresh home laid out at that version. */
    STAMPED,
    /** Recorded as in effect by {@code telec mark --applied}, without running it. */
    MARKED,
    /** Its checksum re-recorded by {@code telec repair} after its definition changed. */
    REPAIRED,
    /**
     * Undone by {@code telec restore}, which put the home and its state back to before the run that applied it:
     * a history line only, the step is no longer in effect.
     */
    UNDONE;

    /** The wire name used in reports and the state file: {@code skipped_check}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepOutcome fromWireName(String name) {
        for (StepOutcome o : values()) {
            if (o.wireName().equals(name)) return o;
        }
        throw new IllegalArgumentException("unknown step outcome: '" + name + "'");
    }

    public boolean isSkip() {
        return this == SKIPPED_APPLIED || this == SKIPPED_CHECK || this == WOULD_SKIP_APPLIED || this == WOULD_SKIP_CHECK;
    }

    /** Outcomes a state records as in effect: applied, found done by check(), stamped, marked, repaired. */
    public boolean isRecord() {
        return this == APPLIED || this == SKIPPED_CHECK || this == STAMPED || this == MARKED || this == REPAIRED;
    }

    public boolean isApply() {
        return this == APPLIED || this == WOULD_APPLY;
    }
}
