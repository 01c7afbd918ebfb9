package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.AppProfile;
import java.util.Optional;

/** What a manifest says about its app ({@code telec.yaml}), before the home is known: where the home is by default. */
public interface FindAppProfile {

    /**
     * @param steps where the steps come from
     * @throws dev.telec.migrate.api.ManifestException naming the file when it is malformed
     */
    Optional<AppProfile> profile(StepSource steps);
}
