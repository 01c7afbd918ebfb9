package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new",
        description = {"Creates a step in a manifest tree, with the next free number in its version directory "
                + "(001 in a new one): a commented template of the declarative operations, a class: entry and a Java "
                + "skeleton (--java), or an executable script (--script). Prints the paths it created.",
            "The step is not finished until you fill it in and delete its todo: line (a script: its 'not written yet' "
                    + "lines): until then migrate refuses it, so an unfinished scaffold never ships as a no-op."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:cannot write a file, or one is already there (nothing is overwritten)",
            "2:usage error (no manifest tree, bad version or description, --java with --script)"})
final class NewCli implements Callable<Integer>, JsonErrors {

    /** What makes a directory a manifest tree when --migrations is not given. */
    static final String TREE_MARKER = "telec.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION",
            description = "What the step does, in a few words; made into the file name's [a-z0-9_]+ (\"Rename setting\" -> rename_setting).")
    List<String> words;

    @Option(names = "--version", required = true, paramLabel = "V", converter = Converters.VersionConverter.class,
            description = "The version the step belongs to (its directory is vV).")
    Version version;

    @Option(names = "--java", paramLabel = "CLASS",
            description = "A Java step: a class: entry naming CLASS (fully qualified) and a skeleton in DIR/src/.")
    String javaClass;

    @Option(names = "--script", paramLabel = "EXT",
            description = "A script step: an executable NNN_description.EXT run as '<file> check' and '<file> migrate' "
                    + "(exit 0 true, 1 false); py gives a Python module with check() and migrate().")
    String script;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "The manifest tree (default: the current directory when it holds a " + TREE_MARKER + " or version directories).")
    Path migrations;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout: {\"id\", \"created\": [paths], \"error\"}.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private final Environment environment;

    @jakarta.inject.Inject
    NewCli(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (javaClass != null && script != null) throw usage("--java and --script make different kinds of step; give one");
        String description = descriptionOrUsage(String.join(" ", words));
        if (javaClass != null && !SourceVersion.isName(javaClass)) throw usage("--java needs a fully qualified class name, like com.example.RenameSetting; got '" + javaClass + "'");
        if (script != null && !script.matches("[A-Za-z0-9]+")) throw usage("--script needs an extension of letters and digits, like sh or py; got '" + script + "'");
        Path tree = tree();
        Path dir = tree.resolve("v" + version);
        int number = nextNumber(dir);
        if (number > 999) throw new TelecException(dir, "has no free step number left (999 is the last)", null);
        String stem = String.format(Locale.ROOT, "%03d_%s", number, description);
        String id = version + "/" + stem;
        List<Path> created = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            if (script != null) {
                Path file = dir.resolve(stem + "." + script.toLowerCase(Locale.ROOT));
                create(file, Scaffolds.script(id, script.toLowerCase(Locale.ROOT)), created);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the user makes it executable
                }
            } else if (javaClass != null) {
                Path source = tree.resolve("src").resolve(javaClass.replace('.', '/') + ".java");
                create(dir.resolve(stem + ".yaml"), Scaffolds.javaEntry(id, String.join(" ", words), javaClass, tree.relativize(source)), created);
                Files.createDirectories(source.getParent());
                create(source, Scaffolds.javaClass(id, javaClass), created);
            } else {
                create(dir.resolve(stem + ".yaml"), Scaffolds.operations(id, String.join(" ", words)), created);
            }
        } catch (FileAlreadyExistsException e) {
            throw new TelecException(Path.of(e.getFile()), "already exists; telec new never overwrites (nothing was created"
                    + (created.isEmpty() ? ")" : " but " + created + ")"), e);
        } catch (IOException e) {
            throw new TelecException(null, "cannot create the step in " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            document(out, id, created, null);
        } else {
            for (Path p : created) out.println(p);
        }
        return ExitCodes.OK;
    }

    /** {@code "Rename the Setting!"} -> {@code rename_the_setting}. */
    static String description(String words) {
        String d = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (d.isEmpty()) throw new IllegalArgumentException("a description needs letters or digits");
        return d;
    }

    private String descriptionOrUsage(String words) {
        try {
            return description(words);
        } catch (IllegalArgumentException e) {
            throw usage("DESCRIPTION '" + words + "' has no letters or digits to make a file name from");
        }
    }

    private Path tree() {
        if (migrations != null) return migrations;
        Path cwd = environment.workingDirectory();
        if (Files.isRegularFile(cwd.resolve(TREE_MARKER)) || hasVersionDirectories(cwd)) return cwd;
        throw usage("the current directory (" + cwd + ") is not a manifest tree (no " + TREE_MARKER
                + " and no version directories); pass --migrations DIR");
    }

    private static boolean hasVersionDirectories(Path dir) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, p -> Files.isDirectory(p) && p.getFileName().toString().matches("v\\d+\\.\\d+\\.\\d+.*"))) {
            return children.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(\\d{3})_.*");

    /** One more than the highest NNN_ in {@code dir}; 1 when there is none (or no directory yet). */
    static int nextNumber(Path dir) {
        int highest = 0;
        if (!Files.isDirectory(dir)) return 1;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                Matcher m = NUMBERED.matcher(child.getFileName().toString());
                if (m.matches()) highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return highest + 1;
    }

    private static void create(Path file, String content, List<Path> created) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        created.add(file);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        document(out, null, List.of(), message);
    }

    private static void document(PrintWriter out, String id, List<Path> created, String error) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeArrayFieldStart("created");
            for (Path p : created) g.writeString(p.toString());
            g.writeEndArray();
            g.writeStringField("error", error);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
