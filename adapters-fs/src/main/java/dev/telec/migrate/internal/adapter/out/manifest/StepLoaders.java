package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.api.ManifestException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a manifest directory's step code is loaded from ({@code lib/*.jar}), and the trust check every
 * place code is loaded or run from passes first: nobody but its owner may write to it.
 */
final class StepLoaders {

    private StepLoaders() {
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

    /** The class loader of a manifest directory's entries: its {@code lib/*.jar} over {@code classLoader}. */
    static ClassLoader forDirectory(Path directory, ClassLoader classLoader, boolean allowInsecure) {
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
            jars.forEach(StepLoaders::requireNotWritableByOthers);
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

    /** The class loader of the steps in {@code jar}, over {@code classLoader}. */
    static ClassLoader forJar(Path jar, ClassLoader classLoader) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ManifestException(jar, "cannot use as a class path entry: " + Messages.describe(e), e);
        }
        // Lives as long as the steps it loads; the SPI comes from the parent, so that steps are Migrations.
        return new URLClassLoader("telec-steps-jar", new URL[] {url}, classLoader);
    }
}
