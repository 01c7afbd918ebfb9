package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.Guice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archives' completion scripts, made by the build (adapters-cli/pom.xml, before the archives are assembled)
 * from what {@code telec completion bash} and {@code telec completion zsh} print, so that they are never out of date:
 * {@code DIR/share/bash-completion/completions/telec} and {@code DIR/share/zsh/site-functions/_telec}. Not a user
 * command. Usage: {@code CompletionScripts DIR}.
 */
public final class CompletionScripts {

    static final String BASH = "share/bash-completion/completions/telec";
    static final String ZSH = "share/zsh/site-functions/_telec";

    private CompletionScripts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        write(dir.resolve(BASH), "bash");
        write(dir.resolve(ZSH), "zsh");
    }

    private static void write(Path file, String shell) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(out), new PrintWriter(err), "completion", shell);
        if (code != ExitCodes.OK || out.toString().isEmpty()) {
            throw new IllegalStateException("telec completion " + shell + " exited " + code + ": " + err);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
