package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/** {@code telec}: the one place that creates the injector and exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Preload.startFor(args);
        // for bench/compare.sh: how much the run wrote to state files (snapshot and journal)
        LongAdder stateBytes = System.getenv("TELEC_STATS") == null ? null : new LongAdder();
        Module wiring = stateBytes == null ? new TelecModule()
                : Modules.override(new TelecModule()).with(new StatsModule(stateBytes));
        Cli cli = Cli.creatingInjectorBeside(wiring);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        int code = cli.run(out, err, args);
        out.flush();
        if (stateBytes != null) {
            err.println("telec-stats: state-bytes-written=" + stateBytes.sum());
        }
        err.flush();
        System.exit(code);
    }
}
