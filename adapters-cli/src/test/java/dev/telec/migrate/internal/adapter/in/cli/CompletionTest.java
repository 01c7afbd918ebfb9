package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts the archives ship (made by {@link CompletionScripts} from {@code telec completion bash|zsh})
 * in a real bash and a real zsh: sourced, they complete telec's commands and options.
 */
class CompletionTest {

    private static final Path BASH = Path.of("/bin/bash");
    private static final Path ZSH = Path.of("/usr/bin/zsh");

    @TempDir
    Path tmp;

    private Path scripts() throws IOException {
        Path dir = tmp.resolve("dist");
        CompletionScripts.main(new String[] {dir.toString()});
        return dir;
    }

    /** What {@code telec completion SHELL} prints. */
    private static String completion(String shell) {
        StringWriter out = new StringWriter();
        int code = new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "completion", shell);
        assertThat(code).isZero();
        return out.toString();
    }

    /** Runs {@code shell args...}; its output, after checking it exited 0. */
    private static String run(Path shell, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(shell.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theBashScriptSourcedInARealBashCompletesCommandsAndOptions() throws Exception {
        assumeTrue(Files.isExecutable(BASH), "no bash");
        Path script = scripts().resolve(CompletionScripts.BASH);

        // called by hand, outside a TAB, its compopt calls complain on stderr: what they print is not asserted
        String out = run(BASH, "--norc", "-c", ". '" + script + "' && complete -p telec"
                + " && COMP_WORDS=(telec mig) COMP_CWORD=1 && _complete_telec && echo \"commands: ${COMPREPLY[*]}\""
                + " && COMP_WORDS=(telec migrate --dry) COMP_CWORD=2 && _complete_telec && echo \"options: ${COMPREPLY[*]}\"");

        assertThat(out).contains("-F _complete_telec telec", "commands: migrate", "options: --dry-run");
        assertThat(Files.readString(script)).isEqualTo(completion("bash"));
    }

    @Test
    void theZshScriptIsACompletionFunctionThatCompinitFindsInFpath() throws Exception {
        assumeTrue(Files.isExecutable(ZSH), "no zsh (apt-get install zsh)");
        Path script = scripts().resolve(CompletionScripts.ZSH);
        assertThat(Files.readString(script)).startsWith("#compdef telec\n").isEqualTo(completion("zsh"));

        String registered = run(ZSH, "-f", "-c", "fpath=('" + script.getParent() + "' $fpath); autoload -U compinit && compinit -u -D"
                + " && print -r -- \"registered: ${_comps[telec]}\"");
        String sourced = run(ZSH, "-f", "-c", "autoload -U compinit && compinit -u -D && source '" + script + "'"
                + " && print -r -- \"sourced: ${_comps[telec]}\"");

        assertThat(registered).contains("registered: _telec");
        assertThat(sourced).contains("sourced: _bash_complete -F _complete_telec");
    }
}
