package dev.telec.migrate.adapter.out.manifest;

import dev.telec.migrate.adapter.out.script.Sandboxing;
import dev.telec.migrate.adapter.out.script.ScriptHost;
import dev.telec.migrate.adapter.out.script.ScriptSettings;
import dev.telec.migrate.application.TelecException.ManifestException;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.application.port.out.AppProfile;
import dev.telec.migrate.application.manifest.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        Optional<AppProfile> profile = profile(source);
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
        if (source instanceof StepSource.Directory directory) {
            Path file = directory.path().resolve(ProfileFile.NAME);
            if (!Files.exists(file)) return Optional.empty();
            if (!Files.isRegularFile(file)) throw Location.of(file).error("not a file; the app profile is a YAML file");
            return Optional.of(ProfileFile.read(Location.of(file), fileContent(file)));
        }
        if (source instanceof StepSource.Jar jar) {
            return jarProfile(jar.path(), jar.root());
        }
        if (source instanceof StepSource.ClassPathRoot root) {
            URL url = locate(root.root(), root.loader());
            if ("file".equals(url.getProtocol())) {
                return profile(StepSource.directory(classPathDirectory(url)));
            }
            return jarProfile(jarOf(url), root.root());
        }
        return Optional.empty();
    }

    private static Optional<AppProfile> jarProfile(Path jar, String root) {
        String entry = root + ProfileFile.NAME;
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            if (file.getEntry(entry) == null) return Optional.empty();
        } catch (IOException e) {
            throw new ManifestException(jar, "cannot open the jar: " + Messages.describe(e), e);
        }
        return Optional.of(ProfileFile.read(Location.labelled(jar + "!/" + entry), jarContent("jar:" + jar.toUri() + "!/" + entry)));
    }

    /** Refuses {@code path} when others than its owner (and root) may write to it; POSIX file systems only. */
    static void requireNotWritableByOthers(Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new ManifestException(path, "cannot read its permissions: " + Messages.describe(e), e);
        }
        boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            throw new ManifestException(path, "refusing to load steps: it is " + (others ? "world" : "group")
                    + "-writable (" + PosixFilePermissions.toString(permissions) + "), so another user could put code in it"
                    + " that telec would run; chmod go-w it, or pass --allow-insecure-migrations");
        }
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
            requireNotWritableByOthers(directory);
        }
        ManifestTree tree = new ManifestTree(directory, libClassLoader(directory, allowInsecure), Location::of,
                FileManifests::fileContent, !allowInsecure);
        return tree.walk(parser);
    }

    /** The class loader of a manifest directory's entries: its {@code lib/*.jar} over this catalog's loader. */
    private ClassLoader libClassLoader(Path directory, boolean allowInsecure) {
        Path lib = directory.resolve(ManifestTree.LIB);
        if (!Files.isDirectory(lib)) return classLoader;
        if (!allowInsecure) {
            requireNotWritableByOthers(lib);
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(lib, "*.jar")) {
            for (Path jar : stream) {
                if (Files.isRegularFile(jar)) jars.add(jar);
            }
        } catch (IOException e) {
            throw new ManifestException(lib, "cannot list directory: " + Messages.describe(e), e);
        }
        if (jars.isEmpty()) return classLoader;
        if (lib.getFileSystem() != FileSystems.getDefault()) {
            throw new ManifestException(lib, "jars can only be loaded from the default file system");
        }
        jars.sort(null);
        if (!allowInsecure) {
            jars.forEach(FileManifests::requireNotWritableByOthers);
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ManifestException(jars.get(i), "cannot use as a class path entry: " + Messages.describe(e), e);
            }
        }
        // Lives as long as the steps it loads; the SPI comes from the parent, so that steps are Migrations.
        return new URLClassLoader("telec-manifest-lib", urls, classLoader);
    }

    private static Content fileContent(Path file) {
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
            requireNotWritableByOthers(jar);
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ManifestException(jar, "cannot use as a class path entry: " + Messages.describe(e), e);
        }
        // Lives as long as the steps it loads; the SPI comes from the parent, so that steps are Migrations.
        ClassLoader steps = new URLClassLoader("telec-steps-jar", new URL[] {url}, classLoader);
        return walkJar(jar, root, steps);
    }

    // --- one class-path root -------------------------------------------------------------------------

    private List<FileEntry> loadClassPathRoot(String root, ClassLoader loader) {
        URL url = locate(root, loader);
        if ("file".equals(url.getProtocol())) {
            return new ManifestTree(classPathDirectory(url), loader, Location::of, FileManifests::fileContent).walk(parser);
        }
        return walkJar(jarOf(url), root, loader);
    }

    /** The one place on {@code loader}'s class path that holds {@code root}: a directory or a folder in a jar. */
    private static URL locate(String root, ClassLoader loader) {
        List<URL> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(root);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (seen.add(url.toString())) found.add(url);
            }
        } catch (IOException e) {
            throw new ManifestException(null, "classpath:" + root + ": cannot list the class path: " + Messages.describe(e), e);
        }
        if (found.isEmpty()) {
            throw new ManifestException(null, "classpath:" + root + ": no such folder on the class path");
        }
        if (found.size() > 1) {
            // an older jar of the same app, or two apps using one root: merging them would run steps nobody chose
            throw new ManifestException(null, "classpath:" + root + ": found in " + found.size() + " places ("
                    + where(found.get(0)) + " and " + where(found.get(1)) + "); a class-path root of steps must be in one jar or directory");
        }
        URL url = found.get(0);
        if (!"file".equals(url.getProtocol()) && !"jar".equals(url.getProtocol())) {
            throw new ManifestException(null, url + ": cannot read steps from this kind of class path location");
        }
        return url;
    }

    private static Path classPathDirectory(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ManifestException(null, url + ": not a usable class path directory: " + Messages.describe(e), e);
        }
    }

    /** The jar file of a {@code jar:file:...!/root/} class path location. */
    private static Path jarOf(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new ManifestException(null, url + ": not a jar class path location");
            }
            URL jarFile = jarConnection.getJarFileURL();
            if (!"file".equals(jarFile.getProtocol())) {
                throw new ManifestException(null, url + ": cannot read steps from a nested or remote jar");
            }
            return Path.of(jarFile.toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new ManifestException(null, url + ": cannot open the jar: " + Messages.describe(e), e);
        }
    }

    /** A class-path location as a user reads it: a path, or {@code <jar>!/<folder>}. */
    private static String where(URL url) {
        try {
            String spec = url.toString();
            if ("file".equals(url.getProtocol())) return Path.of(url.toURI()).toString();
            if ("jar".equals(url.getProtocol()) && spec.startsWith("jar:file:") && spec.contains("!/")) {
                int bang = spec.indexOf("!/");
                return Path.of(new java.net.URI(spec.substring(4, bang))) + spec.substring(bang);
            }
            return spec;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    /**
     * Walks {@code root} in a jar through the zip file system, which is closed again before this returns: an
     * entry keeps only the URL to read its document from, with its own short-lived jar handle.
     */
    private List<FileEntry> walkJar(Path jar, String root, ClassLoader loader) {
        String label = jar + "!/" + root;
        String rootUrl = "jar:" + jar.toUri() + "!/" + root;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path top = zip.getPath("/" + root);
            if (!Files.isDirectory(top)) {
                throw new ManifestException(jar, "no folder " + root + " in this jar");
            }
            ManifestTree tree = new ManifestTree(top, loader,
                    path -> Location.labelled(label + relative(top, path)),
                    path -> jarContent(rootUrl + relative(top, path)));
            return tree.walk(parser);
        } catch (IOException e) {
            throw new ManifestException(jar, "cannot open the jar: " + Messages.describe(e), e);
        }
    }

    private static String relative(Path root, Path path) {
        String relative = root.relativize(path).toString();
        return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
    }

    private static Content jarContent(String url) {
        return () -> {
            URLConnection connection = new URL(url).openConnection();
            connection.setUseCaches(false); // the stream closes its own jar file: nothing stays open
            return connection.getInputStream();
        };
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
