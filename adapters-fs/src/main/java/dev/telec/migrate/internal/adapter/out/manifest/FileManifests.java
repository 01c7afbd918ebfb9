package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.internal.adapter.out.script.Sandboxing;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.internal.adapter.out.script.ScriptSettings;
import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest catalog: reads the one {@link StepSource} a command names — a directory tree on any file
 * system, a folder inside a jar file, one class-path root, or step objects — and nothing else.
 *
 * <p>A tree holds {@code v{semver}/NNN_description.(yaml|yml|json)} entries. {@link #load} lists and validates
 * names only, strictly (a typo is an error, never a silently skipped step); each entry's document is read
 * and its class instantiated when {@link Manifest.Entry#resolve()} is first called.
 */
public final class FileManifests implements Manifests {

    private final ClassLoader classLoader;
    private final EntryParser parser;

    /** Loads the step classes of directory trees through this class's class loader. */
    public FileManifests() {
        this(FileManifests.class.getClassLoader());
    }

    /** Like {@link #FileManifests()}; script steps run through {@code scripts}. */
    public FileManifests(ScriptHost scripts) {
        this(FileManifests.class.getClassLoader(), scripts);
    }

    /**
     * @param classLoader where a directory tree's step classes come from; also the parent of the loader for its
     *     {@code lib/*.jar} and for a jar source
     */
    public FileManifests(ClassLoader classLoader) {
        this(classLoader, ScriptHost.system());
    }

    /** @param scripts runs the processes of script steps (Python modules, executables, {@code exec:} entries) */
    public FileManifests(ClassLoader classLoader, ScriptHost scripts) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.parser = EntryParser.standard(Objects.requireNonNull(scripts, "scripts"));
    }

    @Override
    public Manifest load(StepSource source) {
        return load(source, false);
    }

    /**
     * Like {@link #load(StepSource)}. Unless {@code allowInsecure}, a directory tree or jar is refused when, on a
     * POSIX file system, the directory itself, its {@code lib/} or a jar in it is group- or world-writable:
     * another user could then put code in it that this run would execute.
     */
    @Override
    public Manifest load(StepSource source, boolean allowInsecure) {
        // a profile the caller read already (to find the home) is the run's: telec.yaml is read once per run
        Optional<AppProfile> known = source instanceof StepSource.Profiled p ? p.profile() : null;
        if (source instanceof StepSource.Profiled p) source = p.source();
        if (source instanceof StepSource.Migrations given) {
            try {
                return Manifest.ofMigrations(given.steps());
            } catch (IllegalArgumentException e) {
                throw new ManifestException(null, e.getMessage(), e);
            }
        }
        List<FileEntry> entries;
        if (source instanceof StepSource.Directory directory) {
            entries = loadDirectory(directory.path(), allowInsecure);
        } else if (source instanceof StepSource.Jar jar) {
            entries = loadJar(jar.path(), jar.root(), allowInsecure);
        } else if (source instanceof StepSource.ClassPathRoot root) {
            entries = loadClassPathRoot(root.root(), root.loader());
        } else {
            throw new IllegalArgumentException("unknown step source: " + source);
        }
        Manifest manifest = assemble(entries);
        Optional<AppProfile> profile = known != null ? known : profile(source);
        profile.ifPresent(p -> parser.scripts().configure(scriptSettings(parser.scripts().settings(), p)));
        return profile.map(manifest::withProfile).orElse(manifest);
    }

    /** What the app's profile says about script steps: its name, its home's last segment, python:, sandbox:, step_timeout:. */
    static ScriptSettings scriptSettings(ScriptSettings settings, AppProfile profile) {
        ScriptSettings s = settings.app(profile.app().value());
        if (profile.home().isPresent()) {
            Path name = Path.of(profile.home().get()).getFileName();
            if (name != null && !name.toString().equals("~")) s = s.homeLinkName(name.toString());
        }
        if (profile.python().isPresent()) s = s.python(profile.python().get());
        if (profile.sandbox().isPresent()) s = s.sandbox(Sandboxing.parse(profile.sandbox().get()));
        if (profile.stepTimeout().isPresent()) s = s.stepTimeout(profile.stepTimeout().get());
        return s;
    }

    /** The {@code telec.yaml} at the top of the source's tree, when it has one; step objects have none. */
    @Override
    public Optional<AppProfile> profile(StepSource source) {
        if (source instanceof StepSource.Profiled profiled) return profiled.profile();
        if (source instanceof StepSource.Directory directory) {
            Path file = directory.path().resolve(ProfileFile.NAME);
            if (!Files.exists(file)) return Optional.empty();
            if (!Files.isRegularFile(file)) throw Location.of(file).error("not a file; the app profile is a YAML file");
            return Optional.of(ProfileFile.read(Location.of(file), fileContent(file)));
        }
        if (source instanceof StepSource.Jar jar) {
            return JarTree.profile(jar.path(), jar.root());
        }
        if (source instanceof StepSource.ClassPathRoot root) {
            URL url = ClassPathLocation.locate(root.root(), root.loader());
            if ("file".equals(url.getProtocol())) {
                return profile(StepSource.directory(ClassPathLocation.directory(url)));
            }
            return JarTree.profile(ClassPathLocation.jarOf(url), root.root());
        }
        return Optional.empty();
    }

    // --- a --migrations directory --------------------------------------------------------------------

    private List<FileEntry> loadDirectory(Path directory, boolean allowInsecure) {
        if (!Files.exists(directory)) {
            throw new ManifestException(directory, "no such manifest directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new ManifestException(directory, "not a directory: a manifest is a directory tree of v<version>/NNN_description.yaml entries");
        }
        if (!Files.isReadable(directory)) {
            throw new ManifestException(directory, "cannot read the manifest directory: permission denied");
        }
        if (!allowInsecure) {
            StepLoaders.requireNotWritableByOthers(directory);
        }
        ManifestTree tree = new ManifestTree(directory, StepLoaders.forDirectory(directory, classLoader, allowInsecure), Location::of,
                FileManifests::fileContent, !allowInsecure);
        return tree.walk(parser);
    }

    static Content fileContent(Path file) {
        return () -> Files.newInputStream(file);
    }

    // --- a jar file -----------------------------------------------------------------------------------

    private List<FileEntry> loadJar(Path jar, String root, boolean allowInsecure) {
        if (!Files.exists(jar)) {
            throw new ManifestException(jar, "no such jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new ManifestException(jar, "not a jar file");
        }
        if (jar.getFileSystem() != FileSystems.getDefault()) {
            throw new ManifestException(jar, "jars can only be loaded from the default file system");
        }
        if (!allowInsecure) {
            StepLoaders.requireNotWritableByOthers(jar);
        }
        return JarTree.walk(jar, root, StepLoaders.forJar(jar, classLoader), parser);
    }

    // --- one class-path root -------------------------------------------------------------------------

    private List<FileEntry> loadClassPathRoot(String root, ClassLoader loader) {
        URL url = ClassPathLocation.locate(root, loader);
        if ("file".equals(url.getProtocol())) {
            return new ManifestTree(ClassPathLocation.directory(url), loader, Location::of, FileManifests::fileContent).walk(parser);
        }
        return JarTree.walk(ClassPathLocation.jarOf(url), root, loader, parser);
    }

    // --- the manifest --------------------------------------------------------------------------------

    private static Manifest assemble(List<FileEntry> entries) {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.id().compareTo(b.id())); // stable: the first by name keeps its place
        for (int i = 1; i < sorted.size(); i++) {
            FileEntry previous = sorted.get(i - 1);
            FileEntry entry = sorted.get(i);
            if (previous.id().compareTo(entry.id()) == 0) {
                throw entry.location().error(String.format("step number %03d of version %s is also used by %s",
                        entry.id().number(), entry.id().version(), previous.source()));
            }
        }
        try {
            return Manifest.of(sorted);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(null, e.getMessage(), e);
        }
    }
}
