package dev.telec.migrate.adapter.in.cli;

import com.google.inject.Guice;
import dev.telec.migrate.adapter.out.state.JsonStateStore;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code telec}: the one place that creates the injector and exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        int code = new Cli(Guice.createInjector(new TelecModule())).run(out, err, args);
        out.flush();
        if (System.getenv("TELEC_STATS") != null) {
            // for bench/compare.sh: how much the run wrote to state files (snapshot and journal)
            err.println("telec-stats: state-bytes-written=" + JsonStateStore.bytesWritten());
        }
        err.flush();
        System.exit(code);
    }
}
