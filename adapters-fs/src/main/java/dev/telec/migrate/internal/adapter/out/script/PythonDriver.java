package dev.telec.migrate.internal.adapter.out.script;

import java.util.List;

/**
 * The small program that runs one function of a Python step, loading the module the way the reference
 * runner does ({@code importlib.util.spec_from_file_location}, {@code module_from_spec}, {@code exec_module}),
 * and maps what the function did to an exit status: 0 for {@code True}, 1 for {@code False}, and 2 for
 * anything else, with a last stderr line (after the traceback, if any) that starts with {@link #MARK}.
 */
final class PythonDriver {

    static final String MARK = "telec-python-step: ";

    private static final String CODE = String.join("\n",
            "import importlib.util, sys, traceback",
            "def describe(e):",
            "    text = str(e)",
            "    return type(e).__name__ + (': ' + text if text else '')",
            "def main(path, name, sid):",
            "    if sys.path and sys.path[0] == '':",
            "        del sys.path[0]  # never import from the working directory: it is the home being migrated",
            "    try:",
            "        spec = importlib.util.spec_from_file_location('m_' + str(abs(hash(sid))), path)",
            "        module = importlib.util.module_from_spec(spec)",
            "        spec.loader.exec_module(module)",
            "    except BaseException as e:",
            "        traceback.print_exc()",
            "        return 'raised ' + describe(e) + ' while loading the module'",
            "    function = getattr(module, name, None)",
            "    if not callable(function):",
            "        return 'is missing: the module has no ' + name + '() function'",
            "    try:",
            "        result = function()",
            "    except BaseException as e:",
            "        traceback.print_exc()",
            "        return 'raised ' + describe(e)",
            "    if result is True:",
            "        return 0",
            "    if result is False:",
            "        return 1",
            "    shown = repr(result)",
            "    if len(shown) > 80:",
            "        shown = shown[:77] + '...'",
            "    return 'returned ' + shown + ' (' + type(result).__name__ + '), not True or False'",
            "code = main(*sys.argv[1:4])",
            "sys.stdout.flush()",
            "if isinstance(code, str):",
            "    sys.stderr.write('\\n" + MARK + "' + code.replace('\\n', ' ') + '\\n')",
            "    sys.stderr.flush()",
            "    sys.exit(2)",
            "sys.exit(code)",
            "");

    private PythonDriver() {
    }

    /** {@code python -B -c <driver> <file> <function> <step id>}; -B: no bytecode written into the manifest tree. */
    static List<String> command(String python, String file, String function, String stepId) {
        return List.of(python, "-B", "-c", CODE, file, function, stepId);
    }
}
