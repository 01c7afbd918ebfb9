package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code telec --version}: telec's version, and which app's steps are bundled, up to which version. */
class VersionTest {

    @Test
    void versionNamesTelecsVersionAndTheBundledStepsAppAndNewestVersion() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(out), new PrintWriter(err), "--version");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines().toList()).hasSize(2);
        assertThat(out.toString().lines().toList().get(0)).matches("telec \\d+\\.\\d+\\.\\d+.*");
        assertThat(out.toString().lines().toList().get(1))
                .isEqualTo("bundled steps: app teleclaude, newest version 1.2.0");
    }
}
