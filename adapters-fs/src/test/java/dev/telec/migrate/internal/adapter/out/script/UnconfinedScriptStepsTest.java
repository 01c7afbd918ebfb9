package dev.telec.migrate.internal.adapter.out.script;

import java.io.IOException;

/** Every {@link ScriptStepsTest} again with {@code sandbox: off}: processes in a session of their own, no bwrap. */
class UnconfinedScriptStepsTest extends ScriptStepsTest {

    @Override
    ScriptTrees trees() throws IOException {
        ScriptTrees t = super.trees();
        t.host.configure(t.host.settings().sandbox(Sandboxing.OFF));
        return t;
    }
}
