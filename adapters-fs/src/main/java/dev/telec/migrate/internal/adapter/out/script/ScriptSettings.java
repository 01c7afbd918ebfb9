package dev.telec.migrate.internal.adapter.out.script;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How step processes run, as an app's {@code telec.yaml} and the command line set it.
 *
 * @param python the interpreter for {@code .py} steps ({@code python:}); {@code TELEC_PYTHON} overrides it,
 *     {@code python3} when neither is set
 * @param sandbox {@code sandbox:}
 * @param stepTimeout {@code step_timeout:}, the limit of each call unless an {@code exec:} entry sets its own
 * @param flagTimeout {@code --step-timeout}, used when {@code telec.yaml} sets none; 10 minutes when neither does
 * @param app the app's name, given to steps as {@code TELEC_APP}
 * @param homeLinkName the last segment of the app's home ({@code .teleclaude}): a Python step's {@code HOME}
 *     holds a link of this name to the home it migrates
 * @param grace how long a timed-out process has between TERM and KILL
 */
public record ScriptSettings(Optional<String> python, Sandboxing sandbox, Optional<Duration> stepTimeout,
                             Optional<Duration> flagTimeout, String app, String homeLinkName, Duration grace) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static final ScriptSettings DEFAULT = new ScriptSettings(Optional.empty(), Sandboxing.AUTO, Optional.empty(),
            Optional.empty(), "", ".teleclaude", Duration.ofSeconds(5));

    public ScriptSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(flagTimeout, "flagTimeout");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(grace, "grace");
        if (homeLinkName.isEmpty() || homeLinkName.contains("/") || homeLinkName.equals(".") || homeLinkName.equals("..")) {
            throw new IllegalArgumentException("not a file name for the home link: '" + homeLinkName + "'");
        }
    }

    /** The limit of a call whose entry sets none. */
    public Duration timeout() {
        return stepTimeout.or(() -> flagTimeout).orElse(DEFAULT_TIMEOUT);
    }

    public ScriptSettings python(String value) {
        return new ScriptSettings(Optional.of(value), sandbox, stepTimeout, flagTimeout, app, homeLinkName, grace);
    }

    public ScriptSettings sandbox(Sandboxing value) {
        return new ScriptSettings(python, value, stepTimeout, flagTimeout, app, homeLinkName, grace);
    }

    public ScriptSettings stepTimeout(Duration value) {
        return new ScriptSettings(python, sandbox, Optional.of(value), flagTimeout, app, homeLinkName, grace);
    }

    public ScriptSettings flagTimeout(Duration value) {
        return new ScriptSettings(python, sandbox, stepTimeout, Optional.of(value), app, homeLinkName, grace);
    }

    public ScriptSettings app(String value) {
        return new ScriptSettings(python, sandbox, stepTimeout, flagTimeout, value, homeLinkName, grace);
    }

    public ScriptSettings homeLinkName(String value) {
        return new ScriptSettings(python, sandbox, stepTimeout, flagTimeout, app, value, grace);
    }

    public ScriptSettings grace(Duration value) {
        return new ScriptSettings(python, sandbox, stepTimeout, flagTimeout, app, homeLinkName, value);
    }
}
