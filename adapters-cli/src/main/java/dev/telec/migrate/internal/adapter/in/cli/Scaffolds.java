package dev.telec.migrate.internal.adapter.in.cli;

import java.nio.file.Path;

/**
 * The files {@code telec new} writes. Each is unfinished on purpose until its author fills it in: an entry
 * carries a {@code todo:} line that the manifest reader refuses, a Java skeleton and a script fail when run,
 * so a scaffold can never be recorded as applied without having done anything.
 */
final class Scaffolds {

    private Scaffolds() {
    }

    static String operations(String id, String description) {
        return """
                # %1$s: made by telec new. Write its operations below, then delete the todo: line.
                # Operations run in order; each is skipped when already in effect, so the step can run twice.
                # Paths are relative to the home, with / between names; * and ? match within one name, and a
                # target's {1}, {2}, ... is what the source's first, second, ... wildcard matched. A literal
                # path that names no file makes its operation a no-op, and the run says so in a note.
                description: %2$s
                todo: write the operations of %1$s
                operations:
                  # Files and directories:
                  # - {op: mkdir, path: state/sessions}
                  # - {op: move, from: sessions, to: state/sessions}
                  # - {op: copy, from: config.json, to: config.json.orig}
                  # - {op: delete, path: cache}
                  # - {op: write, path: state/VERSION, content: "2\\n"}
                  # Keys inside JSON, YAML, TOML or .properties files (JSON Pointers; YAML comments are kept):
                  # - {op: set, file: config.json, pointer: /updates/channel, value: stable}
                  # - {op: default, file: config.json, pointer: /max_sessions, value: 4}
                  # - {op: remove, file: config.json, pointer: /legacy_flag}
                  # - {op: rename_key, file: config.json, from: /legacy_feature_toggle, to: /feature_toggle}
                  # - {op: convert, from: "todos/*/state.json", to: "todos/{1}/state.yaml"}
                """.formatted(id, yamlString(description));
    }

    static String javaEntry(String id, String description, String className, Path source) {
        return """
                # %1$s: made by telec new. A Java step: write %2$s (%3$s), build it into a jar
                # in lib/ of this tree (compiled against telec's dev.telec.migrate.spi), then delete the todo: line.
                description: %4$s
                todo: write %2$s in %3$s and put its jar in lib/
                class: %2$s
                """.formatted(id, className, source.toString().replace('\\', '/'), yamlString(description));
    }

    static String javaClass(String id, String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n\n";
        String simple = className.substring(dot + 1);
        return pkg + """
                import dev.telec.migrate.spi.Migration;
                import dev.telec.migrate.spi.MigrationContext;
                import dev.telec.migrate.spi.StepFailure;
                import java.nio.file.Path;

                /** %1$s. Derive every path from context.home(): a dry-run runs this on an in-memory copy of the home. */
                public final class %2$s implements Migration {

                    /** True when the change is already there; must not change anything. */
                    @Override
                    public boolean check(MigrationContext context) throws Exception {
                        Path home = context.home();
                        throw new StepFailure("%2$s.check() is not written yet");
                    }

                    /** Applies the change; true on success. Must be safe to run again after a crash (write, then rename). */
                    @Override
                    public boolean migrate(MigrationContext context) throws Exception {
                        Path home = context.home();
                        throw new StepFailure("%2$s.migrate() is not written yet");
                    }
                }
                """.formatted(id, simple);
    }

    /** A script in the script-steps format: run as {@code <file> check} / {@code <file> migrate} in the home. */
    static String script(String id, String extension) {
        if (extension.equals("py")) {
            return """
                    # %1$s: made by telec new. A Python step: check() and migrate() each return True or False.
                    # The home is the working directory (and $TELEC_HOME).
                    import os
                    from pathlib import Path


                    def check():
                        \"\"\"True when the change is already there; must not change anything.\"\"\"
                        home = Path(os.environ["TELEC_HOME"])
                        raise NotImplementedError("%1$s: check() is not written yet")


                    def migrate():
                        \"\"\"Applies the change; True on success. Must be safe to run again after a crash.\"\"\"
                        home = Path(os.environ["TELEC_HOME"])
                        raise NotImplementedError("%1$s: migrate() is not written yet")
                    """.formatted(id);
        }
        String shell = extension.equals("bash") ? "#!/usr/bin/env bash" : "#!/bin/sh";
        return shell + "\n" + """
                # %1$s: made by telec new. Run as '<this file> check' and '<this file> migrate' with the home as
                # the working directory (and in $TELEC_HOME). Exit 0: true (already there / applied); exit 1:
                # false; anything else is an error. migrate must be safe to run again after a crash.
                set -eu
                case "${1:-}" in
                  check)
                    echo "%1$s: check is not written yet" >&2; exit 2 ;;
                  migrate)
                    echo "%1$s: migrate is not written yet" >&2; exit 2 ;;
                  *)
                    echo "usage: $0 check|migrate" >&2; exit 2 ;;
                esac
                """.formatted(id);
    }

    /** {@code text} as a double-quoted YAML string. */
    private static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
