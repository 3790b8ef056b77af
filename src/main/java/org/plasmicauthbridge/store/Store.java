package org.plasmicauthbridge.store;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Shared state of the bridge: single-use marks, OAuth state, sessions and caches. Every replica
 * sees the same entries when the store is Redis. Values are opaque strings, and every entry expires.
 *
 * <p>Each method does its work when the returned {@link Uni} is subscribed to. A failure of the
 * backing store surfaces as a {@link StoreUnavailableException} item failure. A TTL shorter than one
 * millisecond (zero, negative or sub-millisecond) is a programming error: the method throws
 * {@link IllegalArgumentException} at once and writes nothing.
 */
public interface Store {

    /**
     * Stores the value only if the key is absent or expired, atomically across replicas.
     *
     * @return true when this call stored the value, false when the key already existed
     * @throws IllegalArgumentException when {@code ttl} is shorter than one millisecond
     */
    Uni<Boolean> putIfAbsent(String key, String value, Duration ttl);

    /**
     * Stores the value, replacing any earlier one and its TTL.
     *
     * @throws IllegalArgumentException when {@code ttl} is shorter than one millisecond
     */
    Uni<Void> put(String key, String value, Duration ttl);

    /** Returns the value, or null when the key is absent or expired. */
    Uni<String> get(String key);

    /** Removes the key and returns its value, atomically, or null when it was absent or expired. */
    Uni<String> take(String key);

    /** Removes the key and returns true when it existed and had not expired. */
    Uni<Boolean> delete(String key);

    /** Completes when the store can serve requests; fails with {@link StoreUnavailableException} otherwise. */
    Uni<Void> ping();
}
