package dev.telec.migrate.internal.adapter.in.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Prints a shell completion script for telec (made by picocli's AutoComplete from the commands' own options).",
            "bash: source <(telec completion bash), or save it as /usr/share/bash-completion/completions/telec.",
            "zsh: source <(telec completion zsh) in ~/.zshrc, or save it as _telec in a directory of $fpath "
                    + "(it loads bashcompinit itself).",
            "The archives ship both, in share/bash-completion/completions/telec and share/zsh/site-functions/_telec."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script was printed", "2:usage error (a shell other than bash or zsh)"})
final class CompletionCli implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("telec", spec.root().commandLine());
        spec.commandLine().getOut().print(shell == Shell.bash ? bash : zsh(bash));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * Picocli's script runs in zsh through bashcompinit when it is sourced. Wrapped so that it also works as the
     * autoloaded completion function {@code _telec} that compinit finds in {@code $fpath} by its {@code #compdef}
     * line: the whole file is then the function's body, parsed before it runs, so the alias picocli's script makes
     * for bash's {@code compopt} comes too late and a no-op function stands in for it; and the first TAB, which
     * loads the file, is completed by the bash-style completion the script has just registered.
     */
    static String zsh(String bash) {
        return "#compdef telec\n"
                + "# telec's completion for zsh (telec completion zsh): picocli's bash completion through bashcompinit.\n"
                + "# Sourced from ~/.zshrc, or as _telec in a directory of $fpath before compinit runs.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "(( $+functions[compopt] )) || compopt() { : ; }\n"
                + bash
                + "\n# loaded by a TAB as the completion function _telec: complete that TAB too\n"
                + "if [[ -n ${compstate+x} && ${_comps[telec]} == _bash_complete* ]]; then ${=_comps[telec]}; fi\n";
    }
}
