package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.domain.AppProfile;
import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/** A manifest tree in a folder of a jar file: its entries and its app profile, read without keeping the jar open. */
final class JarTree {

    private JarTree() {
    }

    /** The {@code telec.yaml} at {@code root} in {@code jar}, when there is one. */
    static Optional<AppProfile> profile(Path jar, String root) {
        String entry = root + ProfileFile.NAME;
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(entry) == null) return Optional.empty();
        } catch (IOException e) {
            throw new ManifestException(jar, "cannot open the jar: " + Messages.describe(e), e);
        }
        return Optional.of(ProfileFile.read(Location.labelled(jar + "!/" + entry), content("jar:" + jar.toUri() + "!/" + entry)));
    }

    /**
     * Walks {@code root} in a jar through the zip file system, which is closed again before this returns: an
     * entry keeps only the URL to read its document from, with its own short-lived jar handle.
     */
    static List<FileEntry> walk(Path jar, String root, ClassLoader loader, EntryParser parser) {
        String label = jar + "!/" + root;
        String rootUrl = "jar:" + jar.toUri() + "!/" + root;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path top = zip.getPath("/" + root);
            if (!Files.isDirectory(top)) {
                throw new ManifestException(jar, "no folder " + root + " in this jar");
            }
            ManifestTree tree = new ManifestTree(top, loader,
                    path -> Location.labelled(label + relative(top, path)),
                    path -> content(rootUrl + relative(top, path)));
            return tree.walk(parser);
        } catch (IOException e) {
            throw new ManifestException(jar, "cannot open the jar: " + Messages.describe(e), e);
        }
    }

    private static String relative(Path root, Path path) {
        String relative = root.relativize(path).toString();
        return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
    }

    static Content content(String url) {
        return () -> {
            URLConnection connection = new URL(url).openConnection();
            connection.setUseCaches(false); // the stream closes its own jar file: nothing stays open
            return connection.getInputStream();
        };
    }
}
