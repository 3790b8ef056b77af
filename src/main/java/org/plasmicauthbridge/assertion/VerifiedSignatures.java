package org.plasmicauthbridge.assertion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.observability.BridgeMetrics;

/**
 * Remembers which key verified the signature of an RS, ES or PS assertion, by the SHA-256 of the whole
 * compact assertion. An app that renders several pages with one identity-provider token sends the
 * same assertion each time, so its signature needs checking only once. A P-256 check takes about
 * 50 µs and an RSA-2048 check about 17 µs (see {@link SignatureProviders}); the digest takes far less.
 *
 * <p>Only the signature check is skipped. The claims, the times, the audience and the single-use
 * check run on every exchange as before. A remembered key serves only while its issuer still offers
 * the very same key object, so a key that left the issuer's JWKS, or a JWKS that was fetched again,
 * means a full check. HMAC signatures cost about 1 µs to check and are not remembered. Lookups are
 * counted as the cache {@code signatures} in {@code bridge_cache_requests_total}.
 */
final class VerifiedSignatures {

    /** The key that verified an assertion, and how long the entry is kept. */
    private record Entry(JsonWebKey key, Duration lifetime) {
    }

    private final Cache<ByteBuffer, Entry> entries;
    private final BridgeMetrics metrics;

    /** Creates a memory of at most {@code maxEntries} assertions, or of none when it is 0. */
    VerifiedSignatures(int maxEntries, BridgeMetrics metrics) {
        this.metrics = metrics;
        // Evictions run on the calling thread rather than the common pool, because they are short.
        this.entries = maxEntries == 0 ? null : Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((ByteBuffer digest, Entry entry) -> entry.lifetime()))
                .build();
    }

    /** Returns the digest of {@code compact}, or null when the memory is off or the algorithm is HMAC. */
    ByteBuffer digest(String compact, String alg) {
        if (entries == null || alg.startsWith("HS")) {
            return null;
        }
        return ByteBuffer.wrap(Digests.sha256(compact.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns true when one of {@code keyLists} verified this assertion before. */
    boolean verifiedBefore(ByteBuffer digest, List<List<JsonWebKey>> keyLists) {
        if (digest == null) {
            return false;
        }
        Entry entry = entries.getIfPresent(digest);
        boolean hit = entry != null && keyLists.stream().flatMap(List::stream).anyMatch(key -> key == entry.key());
        metrics.cacheLookup("signatures", hit);
        return hit;
    }

    /** Remembers that {@code key} verified the assertion, for {@code lifetime} at most. */
    void remember(ByteBuffer digest, JsonWebKey key, Duration lifetime) {
        if (digest != null && !lifetime.isNegative() && !lifetime.isZero()) {
            entries.put(digest, new Entry(key, lifetime));
        }
    }
}
