package org.plasmicauthbridge.assertion;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;

/**
 * Keys given in the configuration: a PEM public key or an HMAC secret. EC and RSA keys are converted
 * for the {@link SignatureProviders} on first use, or earlier by {@link #prepare()}, rather than while
 * the bridge starts.
 */
final class StaticKeySource implements KeySource {

    private final List<JsonWebKey> configured;
    private volatile List<JsonWebKey> keys;

    StaticKeySource(List<JsonWebKey> keys) {
        this.configured = List.copyOf(keys);
    }

    @Override
    public Uni<List<JsonWebKey>> candidates(String kid, String alg) {
        return Uni.createFrom().item(() -> verificationKeys().stream().filter(key -> Algorithms.fits(key, alg)).toList());
    }

    /** Converts the keys now, so that the first verification does not wait for the signature providers. */
    void prepare() {
        verificationKeys();
    }

    // Two threads may convert at the same time; both get equal keys, and one list is kept.
    private List<JsonWebKey> verificationKeys() {
        List<JsonWebKey> ready = keys;
        if (ready == null) {
            List<JsonWebKey> converted = new ArrayList<>();
            for (JsonWebKey key : configured) {
                converted.add(convert(key));
            }
            ready = List.copyOf(converted);
            keys = ready;
        }
        return ready;
    }

    private static JsonWebKey convert(JsonWebKey key) {
        try {
            return SignatureProviders.current().forVerification(key);
        } catch (Exception e) {
            // The key was read and checked at start-up, so this is a broken JVM setup, not bad input.
            throw new IllegalStateException("Converting a public key for its signature provider failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
