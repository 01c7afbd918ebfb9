package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The context a step gets; it keeps the step's notes, each once, in the order they came. Notes from the
 * check() after migrate() are not kept: that check() sees the step's own effect (a moved file is gone).
 */
final class StepContext implements MigrationContext {
    private final Path home;
    private final String id;
    final Set<String> notes = new LinkedHashSet<>();
    boolean confirming;

    private final DurabilityBarrier durability;
    private final Version from;
    private final Version to;
    private final boolean simulated;

    StepContext(Path home, String id, DurabilityBarrier durability) {
        this(home, id, durability, Version.ZERO, Version.ZERO, false);
    }

    StepContext(Path home, String id, DurabilityBarrier durability, Version from, Version to, boolean simulated) {
        this.home = home;
        this.id = id;
        this.durability = durability;
        this.from = from;
        this.to = to;
        this.simulated = simulated;
    }

    @Override
    public Version from() {
        return from;
    }

    @Override
    public Version to() {
        return to;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }

    @Override
    public DurabilityBarrier durability() {
        return durability;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public String id() {
        return id;
    }

    /** The notes so far, in the order they came. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void note(String message) {
        if (!confirming && message != null && !message.isBlank()) notes.add(TelecException.oneLine(message));
    }
}
