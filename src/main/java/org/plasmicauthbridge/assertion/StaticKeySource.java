package org.plasmicauthbridge.assertion;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/** Keys given in the configuration: a PEM public key or an HMAC secret. */
final class StaticKeySource implements KeySource {

    private final List<JsonWebKey> keys;

    StaticKeySource(List<JsonWebKey> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public Uni<List<JsonWebKey>> candidates(String kid, String alg) {
        return Uni.createFrom().item(keys.stream().filter(key -> Algorithms.fits(key, alg)).toList());
    }
}
