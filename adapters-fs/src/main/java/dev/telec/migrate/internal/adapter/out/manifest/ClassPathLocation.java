package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.api.ManifestException;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where a class-path root of steps is: exactly one directory, or one folder in a local jar. */
final class ClassPathLocation {

    private ClassPathLocation() {
    }

    /** The one place on {@code loader}'s class path that holds {@code root}: a directory or a folder in a jar. */
    static URL locate(String root, ClassLoader loader) {
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

    /** The directory of a {@code file:} class path location. */
    static Path directory(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ManifestException(null, url + ": not a usable class path directory: " + Messages.describe(e), e);
        }
    }

    /** The jar file of a {@code jar:file:...!/root/} class path location. */
    static Path jarOf(URL url) {
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
                return Path.of(new URI(spec.substring(4, bang))) + spec.substring(bang);
            }
            return spec;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }
}
