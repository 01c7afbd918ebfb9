package dev.telec.migrate.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * How a dry-run is made. By default it is simulated: the home is copied into an in-memory file system (when
 * it is no larger than {@code limitBytes}) and the pending steps run there for real, so that the report
 * shows each step's outcome and changes. A home over the limit, or {@code simulate == false}, gives the
 * check-only plan: check() is called on the real home, migrate() never.
 *
 * @param simulate false: always the check-only plan
 * @param limitBytes the largest home (sum of file sizes) that is copied
 * @param diffs whether changes carry unified diffs, or only paths
 * @param showSecrets false: values of keys whose name contains one of {@code secretWords} are masked in diffs
 * @param secretWords matched case-insensitively, ignoring {@code _} and {@code -}, within key names
 */
public record DryRunOptions(boolean simulate, long limitBytes, boolean diffs, boolean showSecrets, List<String> secretWords) {

    /** 256 MiB */
    public static final long DEFAULT_LIMIT = 256L * 1024 * 1024;

    public static final List<String> DEFAULT_SECRET_WORDS = List.of("token", "password", "secret", "api_key", "credential");

    /** Simulated, with diffs, secrets masked, homes up to 256 MiB. */
    public static final DryRunOptions DEFAULT = new DryRunOptions(true, DEFAULT_LIMIT, true, false, DEFAULT_SECRET_WORDS);

    public DryRunOptions {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("the simulation limit must not be negative: " + limitBytes);
        }
        secretWords = List.copyOf(secretWords);
        for (String w : secretWords) {
            if (Objects.requireNonNull(w, "secret word").isBlank()) {
                throw new IllegalArgumentException("a secret word must not be blank");
            }
        }
    }

    public DryRunOptions simulate(boolean value) {
        return new DryRunOptions(value, limitBytes, diffs, showSecrets, secretWords);
    }

    public DryRunOptions limitBytes(long value) {
        return new DryRunOptions(simulate, value, diffs, showSecrets, secretWords);
    }

    public DryRunOptions diffs(boolean value) {
        return new DryRunOptions(simulate, limitBytes, value, showSecrets, secretWords);
    }

    public DryRunOptions showSecrets(boolean value) {
        return new DryRunOptions(simulate, limitBytes, diffs, value, secretWords);
    }

    public DryRunOptions secretWords(List<String> value) {
        return new DryRunOptions(simulate, limitBytes, diffs, showSecrets, value);
    }
}
