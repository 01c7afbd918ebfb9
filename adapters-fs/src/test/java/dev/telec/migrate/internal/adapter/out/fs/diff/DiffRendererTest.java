package dev.telec.migrate.internal.adapter.out.fs.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffRendererTest {

    @Test
    void secretsAreMaskedInJsonYamlAndEnvText() {
        SecretMasker m = new SecretMasker(DryRunOptions.DEFAULT_SECRET_WORDS);
        assertThat(m.mask(List.of(
                "  \"api_token\": \"abc\\\"def\",",
                "  \"name\": \"bot\", \"apiKey\": 42}",
                "db_password: hunter2 with spaces",
                "AWS_SECRET_ACCESS_KEY=xyz",
                "credentials:",
                "  user: bob",
                "  - item",
                "after: visible",
                "\"Credential\": {",
                "  \"user\": \"x\"",
                "}")))
                .containsExactly(
                        "  \"api_token\": \"***\",",
                        "  \"name\": \"bot\", \"apiKey\": ***",
                        "db_password: ***",
                        "AWS_SECRET_ACCESS_KEY=***",
                        "credentials:",
                        "  user: ***",
                        "  - ***",
                        "after: visible",
                        "\"Credential\": {",
                        "  \"user\": \"***\"",
                        "}");
    }

    @Test
    void aSecretThatChangedShowsAsAChangedMaskedLine() {
        DiffRenderer renderer = new DiffRenderer(new Sandbox.Diffs(true, false, DryRunOptions.DEFAULT_SECRET_WORDS));
        assertThat(renderer.unified("a/c", "b/c", List.of("token: old", "x: 1"), List.of("token: new", "x: 1")))
                .isEqualTo("--- a/c\n+++ b/c\n@@ -1,2 +1,2 @@\n-token: ***\n+token: ***\n x: 1");
    }
}
