package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Cli#creatingInjectorBeside}: the injector made on its own thread serves the command line as one made before. */
class InjectorBesideTest {

    @Test
    void aCommandRunsAsWithAnInjectorMadeBefore() {
        StringWriter besideOut = new StringWriter();
        StringWriter besideErr = new StringWriter();
        int beside = Cli.creatingInjectorBeside(new TelecModule()).run(new PrintWriter(besideOut), new PrintWriter(besideErr), "status", "--help");
        StringWriter beforeOut = new StringWriter();
        StringWriter beforeErr = new StringWriter();
        int before = new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(beforeOut), new PrintWriter(beforeErr), "status", "--help");

        assertThat(beside).isEqualTo(before).isZero();
        assertThat(besideOut.toString()).isEqualTo(beforeOut.toString()).contains("Usage: telec status");
        assertThat(besideErr.toString()).isEqualTo(beforeErr.toString());
    }

    @Test
    @Timeout(30)
    void wiringThatCannotBeCreatedFailsOnTheCallersThreadWithGuicesOwnErrorAsTheCause() {
        // the clock bound twice: Guice refuses to create the injector
        Cli cli = Cli.creatingInjectorBeside(Modules.combine(new TelecModule(), binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC())));

        assertThatThrownBy(() -> cli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "status"))
                .hasRootCauseInstanceOf(CreationException.class)
                .hasMessageContaining("Clock was bound multiple times");
    }
}
