package dev.telec.migrate.adapter.in.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Prints a shell completion script for telec (made by picocli's AutoComplete from the commands' own options).",
            "bash: source <(telec completion bash), or save it in /etc/bash_completion.d/telec.",
            "zsh: source <(telec completion zsh) in ~/.zshrc (it loads bashcompinit itself)."},
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
        // one script serves both: picocli's script runs bashcompinit when it finds itself in zsh
        spec.commandLine().getOut().print(AutoComplete.bash("telec", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
