package org.plasmicauthbridge.assertion;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/** Where an issuer's verification keys come from: configuration only, never the token's header. */
interface KeySource {

    /**
     * Returns the keys that may have signed a token with this {@code kid} (null when the token has
     * none) and algorithm. May fetch, within the source's own limits.
     */
    Uni<List<JsonWebKey>> candidates(String kid, String alg);
}
