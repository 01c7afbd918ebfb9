package dev.telec.migrate.application.port.in;

import dev.telec.migrate.application.port.out.AppProfile;
import java.nio.file.Path;
import java.util.Optional;

/** What a manifest says about its app ({@code telec.yaml}), before the home is known: where the home is by default. */
public interface FindAppProfile {

    /**
     * @param migrations a manifest tree, or empty for the bundled one
     * @throws dev.telec.migrate.application.TelecException.ManifestException naming the file when it is malformed
     */
    Optional<AppProfile> profile(Optional<Path> migrations);
}
