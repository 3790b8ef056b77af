package org.plasmicauthbridge.store;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Shared state of the bridge: single-use marks, OAuth state, sessions and caches. Every replica
 * sees the same entries when the store is Redis. Values are opaque strings; every entry expires.
 * A failure of the backing store surfaces as {@link StoreUnavailableException}.
 */
public interface Store {

    /**
     * Stores the value only if the key is absent, atomically across replicas.
     *
     * @return true when this call stored the value, false when the key already existed
     */
    Uni<Boolean> putIfAbsent(String key, String value, Duration ttl);

    /** Stores the value, replacing any earlier one. */
    Uni<Void> put(String key, String value, Duration ttl);

    /** Returns the value, or null when the key is absent or expired. */
    Uni<String> get(String key);

    /** Removes the key and returns its value, atomically, or null when it was absent. */
    Uni<String> take(String key);

    /** Removes the key; returns true when it existed. */
    Uni<Boolean> delete(String key);

    /** Completes when the store can serve requests; fails with {@link StoreUnavailableException} otherwise. */
    Uni<Void> ping();
}
