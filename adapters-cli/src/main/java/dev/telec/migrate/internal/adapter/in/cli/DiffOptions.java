package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.DryRunOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** How the changes a dry-run shows are described: {@code --no-diff}, {@code --show-secrets}, {@code --secret-words}. */
final class DiffOptions {

    /** The flags, each only meaning something with --dry-run. */
    static final List<String> NAMES = List.of("--no-diff", "--show-secrets", "--secret-words");

    /** The flags that mean nothing with --no-diff: there are no diffs to mask. */
    static final List<String> MASKING = List.of("--show-secrets", "--secret-words");

    @Option(names = "--no-diff", description = "With --dry-run: list changed paths without diffs.")
    boolean noDiff;

    @Option(names = "--show-secrets", description = "With --dry-run: do not mask values of secret keys in diffs.")
    boolean showSecrets;

    @Option(names = "--secret-words", paramLabel = "W,W", split = ",",
            description = "With --dry-run: mask values of keys whose name contains one of these words "
                    + "(case-insensitive; default: token,password,secret,api_key,credential).")
    List<String> secretWords;

    /**
     * {@code options} with these flags' diffs, masking and secret words.
     *
     * @throws IllegalArgumentException when {@code --secret-words} holds an empty word
     */
    DryRunOptions applyTo(DryRunOptions options) {
        DryRunOptions applied = options.diffs(!noDiff).showSecrets(showSecrets);
        if (secretWords != null) {
            List<String> words = secretWords.stream().map(String::strip).toList();
            if (words.isEmpty() || words.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("--secret-words needs words separated by commas, like token,password");
            }
            applied = applied.secretWords(words);
        }
        return applied;
    }
}
