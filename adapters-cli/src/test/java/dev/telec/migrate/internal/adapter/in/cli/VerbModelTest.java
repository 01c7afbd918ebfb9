package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run of one verb builds that verb's model alone: it must be the model the whole command line has. */
class VerbModelTest {

    private final Cli cli = new Cli(Guice.createInjector(new TelecModule()));
    private final PrintWriter sink = new PrintWriter(new StringWriter());

    @Test
    void theVerbIsTheFirstWordAfterTheTopLevelColourOption() {
        assertThat(Cli.verb("migrate", "--home", "h")).contains(MigrateCli.class);
        assertThat(Cli.verb("--color", "never", "status", "--json")).contains(StatusCli.class);
        assertThat(Cli.verb("--color=always", "validate")).contains(ValidateCli.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-V", "help migrate", "completion bash", "migarte --home h", "--color never"})
    void anythingElseGetsTheWholeModel(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(Cli.verb(args)).isEmpty();
        assertThat(cli.commandLine(sink, sink, args).getSubcommands()).hasSize(TelecCommand.VERBS.size());
    }

    @Test
    void eachVerbsOwnModelHasTheSameOptionsAndHelpAsInTheWholeCommandLine() {
        CommandLine whole = cli.commandLine(sink, sink);
        for (Class<?> verb : TelecCommand.VERBS) {
            String name = verb.getAnnotation(Command.class).name();
            if (name.equals("help") || name.equals("completion")) continue;
            CommandLine alone = cli.commandLine(sink, sink, name);
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(alone.getSubcommands().get(name).getCommandSpec().options()).as(name)
                    .extracting(CommandLine.Model.OptionSpec::longestName)
                    .containsExactlyElementsOf(whole.getSubcommands().get(name).getCommandSpec().options().stream()
                            .map(CommandLine.Model.OptionSpec::longestName).toList());
        }
    }
}
