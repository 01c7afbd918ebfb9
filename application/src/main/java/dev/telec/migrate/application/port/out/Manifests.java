package dev.telec.migrate.application.port.out;

import dev.telec.migrate.application.TelecException.ManifestException;
import java.nio.file.Path;
import java.util.Optional;

/** Where steps come from: the manifest shipped with the product, or a directory tree. */
public interface Manifests {

    /**
     * Lists and validates a manifest.
     *
     * @param directory a manifest tree, or empty for the bundled one
     * @throws ManifestException naming the path when the tree is malformed
     */
    Manifest load(Optional<Path> directory);

    /**
     * Like {@link #load(Optional)}; with {@code allowInsecure}, step classes are loaded even from a
     * directory or jar that other users may write to. Catalogs that load no classes from directories ignore it.
     */
    default Manifest load(Optional<Path> directory, boolean allowInsecure) {
        return load(directory);
    }

    /**
     * The profile of a manifest ({@code telec.yaml}) without listing its entries: what a command needs to
     * know before it knows the home.
     *
     * @param directory a manifest tree, or empty for the bundled one
     * @throws ManifestException naming the file when the profile is malformed
     */
    default Optional<AppProfile> profile(Optional<Path> directory) {
        return load(directory).profile();
    }
}
