package dev.telec.migrate.adapter.out.manifest;

import dev.telec.migrate.application.TelecException.ManifestException;
import dev.telec.migrate.application.port.out.AppProfile;
import dev.telec.migrate.application.port.out.Manifest;
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
 * The manifest catalog: the bundled manifest under the class path root {@code migrations/}, or a
 * {@code --migrations} directory tree on any file system.
 *
 * <p>A tree holds {@code v{semver}/NNN_description.(yaml|yml|json)} entries. {@link #load} lists and validates
 * names only, strictly (a typo is an error, never a silently skipped step); each entry's document is read
 * and its class instantiated when {@link Manifest.Entry#resolve()} is first called.
 */
public final class FileManifests implements Manifests {

    /** The class path root of the bundled manifest. */
    static final String BUNDLED_ROOT = "migrations/";

    private final ClassLoader classLoader;
    private final EntryParser parser = EntryParser.standard();

    /** Reads the bundled manifest, and loads step classes, through this class's class loader. */
    public FileManifests() {
        this(FileManifests.class.getClassLoader());
    }

    /**
     * @param classLoader holds the bundled manifest and its step classes; also the parent of the loader for
     *     a {@code --migrations} directory's {@code lib/*.jar}
     */
    public FileManifests(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public Manifest load(Optional<Path> directory) {
        return load(directory, false);
    }

    /**
     * Like {@link #load(Optional)}. Unless {@code allowInsecure}, a directory tree is refused when, on a POSIX
     * file system, the directory itself, its {@code lib/} or a jar in it is group- or world-writable: another
     * user could then put code in it that this run would execute.
     */
    @Override
    public Manifest load(Optional<Path> directory, boolean allowInsecure) {
        List<FileEntry> entries = directory.isPresent() ? loadDirectory(directory.get(), allowInsecure) : loadBundled();
        Manifest manifest = assemble(entries);
        return profile(directory).map(manifest::withProfile).orElse(manifest);
    }

    /** The tree's {@code telec.yaml} (the bundled manifest's: the one at its class path root), when it has one. */
    @Override
    public Optional<AppProfile> profile(Optional<Path> directory) {
        if (directory.isPresent()) {
            Path file = directory.get().resolve(ProfileFile.NAME);
            if (!Files.exists(file)) return Optional.empty();
            if (!Files.isRegularFile(file)) throw Location.of(file).error("not a file; the app profile is a YAML file");
            return Optional.of(ProfileFile.read(Location.of(file), fileContent(file)));
        }
        URL url = classLoader.getResource(BUNDLED_ROOT + ProfileFile.NAME);
        if (url == null) return Optional.empty();
        return Optional.of(ProfileFile.read(Location.labelled(url.toString()), jarContent(url.toString())));
    }

    /** Refuses {@code path} when others than its owner (and root) may write to it; POSIX file systems only. */
    private static void requireNotWritableByOthers(Path path) {
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
                FileManifests::fileContent);
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

    // --- the bundled manifest ------------------------------------------------------------------------

    private List<FileEntry> loadBundled() {
        Set<String> roots = new LinkedHashSet<>();
        try {
            Enumeration<URL> found = classLoader.getResources(BUNDLED_ROOT);
            while (found.hasMoreElements()) roots.add(found.nextElement().toString());
        } catch (IOException e) {
            throw new ManifestException(null, "classpath:" + BUNDLED_ROOT + ": cannot list the bundled manifest: " + Messages.describe(e), e);
        }
        List<FileEntry> entries = new ArrayList<>();
        for (String root : roots) {
            URL url = url(root);
            switch (url.getProtocol()) {
                case "file" -> entries.addAll(bundledDirectory(url));
                case "jar" -> entries.addAll(bundledJar(url));
                default -> throw new ManifestException(null, root + ": cannot read a bundled manifest from this kind of class path location");
            }
        }
        return entries;
    }

    private List<FileEntry> bundledDirectory(URL url) {
        Path directory;
        try {
            directory = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ManifestException(null, url + ": not a usable class path directory: " + Messages.describe(e), e);
        }
        return new ManifestTree(directory, classLoader, Location::of, FileManifests::fileContent).walk(parser);
    }

    /**
     * Walks {@code /migrations} in a jar through the zip file system, which is closed again before this
     * returns: an entry keeps only the URL to read its document from, with its own short-lived jar handle.
     */
    private List<FileEntry> bundledJar(URL url) {
        String rootUrl = url.toString().endsWith("/") ? url.toString() : url + "/";
        Path jar;
        String entryRoot;
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new ManifestException(null, url + ": not a jar class path location");
            }
            URL jarFile = jarConnection.getJarFileURL();
            if (!"file".equals(jarFile.getProtocol())) {
                throw new ManifestException(null, url + ": cannot read a bundled manifest from a nested or remote jar");
            }
            jar = Path.of(jarFile.toURI());
            entryRoot = jarConnection.getEntryName();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new ManifestException(null, url + ": cannot open the bundled manifest: " + Messages.describe(e), e);
        }
        String entryPrefix = entryRoot == null ? BUNDLED_ROOT : entryRoot.endsWith("/") ? entryRoot : entryRoot + "/";
        String label = jar + "!/" + entryPrefix;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path root = zip.getPath("/" + entryPrefix);
            ManifestTree tree = new ManifestTree(root, classLoader,
                    path -> Location.labelled(label + relative(root, path)),
                    path -> jarContent(rootUrl + relative(root, path)));
            return tree.walk(parser);
        } catch (IOException e) {
            throw new ManifestException(jar, "cannot open the bundled manifest jar: " + Messages.describe(e), e);
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

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new ManifestException(null, spec + ": not a usable class path location: " + Messages.describe(e), e);
        }
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
