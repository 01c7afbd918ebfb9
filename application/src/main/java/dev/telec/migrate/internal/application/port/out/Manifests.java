package dev.telec.migrate.internal.application.port.out;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.application.port.in.StepSource;
import java.util.Optional;

/** Where steps come from: the one source a command names (a directory, a jar, a class-path root, or objects). */
public interface Manifests {

    /**
     * Lists and validates the manifest of {@code source}, and nothing else.
     *
     * @throws ManifestException naming the path when the tree is malformed or missing
     */
    Manifest load(StepSource source);

    /**
     * Like {@link #load(StepSource)}; with {@code allowInsecure}, step classes are loaded even from a
     * directory or jar that other users may write to. Catalogs that load no classes from directories ignore it.
     */
    default Manifest load(StepSource source, boolean allowInsecure) {
        return load(source);
    }

    /**
     * The profile of a manifest ({@code telec.yaml}) without listing its entries: what a command needs to
     * know before it knows the home.
     *
     * @throws ManifestException naming the file when the profile is malformed
     */
    default Optional<AppProfile> profile(StepSource source) {
        return load(source).profile();
    }
}
