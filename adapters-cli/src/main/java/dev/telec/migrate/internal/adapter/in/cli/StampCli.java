package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.StampCommand;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stamp",
        description = {
            "For an installer that has just laid out a fresh home at version V: records V and every step up to V as in "
                    + "effect (outcome stamped, with checksums), without running any check() or migrate().",
            "Refused when the state already records steps, unless --force."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stamped",
            "1:the state already records steps (see --force), or a state or manifest error; nothing written",
            "2:usage error (a bad version, or one above the newest step)",
            "3:another telec holds the home (see --wait)"})
final class StampCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "V", converter = Converters.VersionConverter.class,
            description = "The version the home was laid out at.")
    Version version;

    @Option(names = "--force", description = "Stamp even when the state records steps (they are kept as they are).")
    boolean force;

    @Mixin
    HomeOptions options;

    @Mixin
    LockOptions lock;

    private final Provider<StampUseCase> stamper;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    StampCli(Provider<StampUseCase> stamper, Provider<FindAppProfile> profiles, Environment environment) {
        this.stamper = stamper;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path home = options.home(spec, profiles.get(), environment);
        StampUseCase.Stamped stamped = stamper.get().stamp(new StampCommand(home, options.migrations(), version, force,
                options.allowInsecureMigrations, lock.lockWait()), LockOptions.waitingNotice(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            JsonDocument.write(out, g -> {
                g.writeStringField("home", home.toString());
                g.writeStringField("version", stamped.version().toString());
                JsonDocument.strings(g, "stamped", stamped.stamped());
                g.writeNullField("error");
            });
        } else {
            out.println(home + ": stamped at " + stamped.version() + " (" + stamped.stamped().size()
                    + (stamped.stamped().size() == 1 ? " step" : " steps") + " recorded as in effect, none run)");
        }
        return ExitCodes.OK;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeStringField("home", options == null || options.home == null ? null : options.home.toString());
            g.writeNullField("version");
            g.writeArrayFieldStart("stamped");
            g.writeEndArray();
            g.writeStringField("error", message);
        });
    }
}
