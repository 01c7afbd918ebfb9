package dev.telec.migrate.domain;

import java.util.Objects;

/** What a step's process printed (the last part of each stream, when it printed more than telec keeps). */
public record StepOutput(String stdout, String stderr) {

    public StepOutput {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
