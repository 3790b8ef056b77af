package org.plasmicauthbridge.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.store.Store;

/**
 * A cache of one kind of Plasmic result in two tiers: this process's memory in front of the store
 * that all replicas share. Each value carries the time until which it may be served, and neither tier
 * serves it after that. A miss in both tiers loads the value once per key, however many requests miss
 * together, and writes it to the store before returning it, so the next request on any replica finds it.
 *
 * <p>The local tier saves the store's round trip on every hit; a warm exchange reads nothing from
 * Redis. It keeps at most {@code localMaxEntries} values (none when 0), and since each one is only
 * served until its own time, a replica never serves a value longer than the store would.
 */
final class ReadThroughCache<V> {

    /** Turns values into the store's text and back. */
    interface Codec<V> {

        String write(V value);

        /** Returns the value, or null when the stored text cannot be read (then it is a miss). */
        V read(String stored);
    }

    /** A value with the time until which it may be served. */
    private record Timed<V>(V value, Instant until) {
    }

    private final String name;
    private final Store store;
    private final Codec<V> codec;
    private final Function<V, Instant> servableUntil;
    private final Supplier<Instant> now;
    private final BridgeMetrics metrics;
    private final Cache<String, Timed<V>> local;
    private final SingleFlight<V> flights = new SingleFlight<>();

    /**
     * @param name the cache's name in metrics
     * @param servableUntil when a value stops being served; a value with less than a second left is
     *     returned to its caller but not cached
     * @param now the current time, read on every lookup so that tests can move it
     * @param localMaxEntries the most values kept in this process; 0 keeps none
     */
    ReadThroughCache(String name, Store store, Codec<V> codec, Function<V, Instant> servableUntil,
            Supplier<Instant> now, BridgeMetrics metrics, int localMaxEntries) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.servableUntil = Objects.requireNonNull(servableUntil, "servableUntil");
        this.now = Objects.requireNonNull(now, "now");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        // Evictions run on the calling thread rather than the common pool, because they are short and a
        // size of 0 then keeps no entry even for a moment.
        this.local = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(localMaxEntries)
                .expireAfter(new UntilExpiry<V>(now))
                .build();
    }

    /** Returns the cached value of the key, or the loader's value after caching it. */
    Uni<V> get(String key, Supplier<Uni<V>> loader) {
        V hit = localHit(key);
        if (hit != null) {
            metrics.cacheLookup(name, true);
            return Uni.createFrom().item(hit);
        }
        return fromStore(key).flatMap(stored -> {
            metrics.cacheLookup(name, stored != null);
            if (stored != null) {
                return Uni.createFrom().item(stored);
            }
            // A lookup can miss just before another request stores the loaded value and leaves the flight.
            // Looking again inside the flight keeps the late request from loading a second time.
            return flights.run(key, () -> fromStore(key).flatMap(again -> again != null
                    ? Uni.createFrom().item(again)
                    : loadAndStore(key, loader)));
        });
    }

    private V localHit(String key) {
        Timed<V> timed = local.getIfPresent(key);
        if (timed == null) {
            return null;
        }
        if (now.get().isBefore(timed.until())) {
            return timed.value();
        }
        local.invalidate(key);
        return null;
    }

    /** Reads the store; a value it returns is kept locally too. */
    private Uni<V> fromStore(String key) {
        return store.get(key).map(stored -> {
            if (stored == null) {
                return null;
            }
            V value = codec.read(stored);
            if (value == null) {
                // The key contains a hash of a token or identity, so it stays out of the log.
                Log.warnf("A %s cache entry in the store is unreadable; treating it as a miss and asking Plasmic again", name);
                return null;
            }
            Instant until = servableUntil.apply(value);
            if (!now.get().isBefore(until)) {
                return null;
            }
            local.put(key, new Timed<>(value, until));
            return value;
        });
    }

    private Uni<V> loadAndStore(String key, Supplier<Uni<V>> loader) {
        return Uni.createFrom().<V>deferred(loader::get).flatMap(value -> {
            Instant until = servableUntil.apply(value);
            Duration ttl = Duration.between(now.get(), until);
            if (ttl.toSeconds() < 1) {
                return Uni.createFrom().item(value);
            }
            return store.put(key, codec.write(value), ttl).invoke(() -> local.put(key, new Timed<>(value, until)))
                    .replaceWith(value);
        });
    }

    /** Lets Caffeine drop an entry from memory once its time has passed. */
    private record UntilExpiry<V>(Supplier<Instant> now) implements Expiry<String, Timed<V>> {

        @Override
        public long expireAfterCreate(String key, Timed<V> timed, long currentTime) {
            return Math.max(0, Duration.between(now.get(), timed.until()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Timed<V> timed, long currentTime, long currentDuration) {
            return expireAfterCreate(key, timed, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Timed<V> timed, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
