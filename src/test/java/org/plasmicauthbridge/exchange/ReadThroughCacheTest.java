package org.plasmicauthbridge.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.store.MemoryStore;
import org.plasmicauthbridge.testing.MutableClock;

/** The two tiers: process memory in front of the shared store, each serving a value only until its time. */
class ReadThroughCacheTest {

    /** Values are "text@epochSecond": the text and the time until which it may be served. */
    private static final ReadThroughCache.Codec<String> CODEC = new ReadThroughCache.Codec<>() {
        @Override
        public String write(String value) {
            return value;
        }

        @Override
        public String read(String stored) {
            return stored.contains("@") ? stored : null;
        }
    };

    private static final class NoMetrics extends BridgeMetrics {
        @Override
        public void cacheLookup(String cache, boolean hit) {
        }
    }

    /** A memory store that counts its reads. */
    private static final class CountingStore extends ForwardingStore {
        final AtomicInteger gets = new AtomicInteger();

        CountingStore(MutableClock clock) {
            super(new MemoryStore(clock, 100));
        }

        @Override
        public Uni<String> get(String key) {
            gets.incrementAndGet();
            return super.get(key);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
    private final CountingStore store = new CountingStore(clock);
    private final AtomicInteger loads = new AtomicInteger();

    private ReadThroughCache<String> cache(int localMaxEntries) {
        return new ReadThroughCache<>("test", store, CODEC,
                value -> Instant.ofEpochSecond(Long.parseLong(value.substring(value.indexOf('@') + 1))),
                clock::instant, new NoMetrics(), localMaxEntries);
    }

    /** Loads a value that may be served for the given time from now. */
    private Uni<String> load(Duration servable) {
        loads.incrementAndGet();
        return Uni.createFrom().item("v" + loads.get() + "@" + clock.instant().plus(servable).getEpochSecond());
    }

    private String get(ReadThroughCache<String> cache, String key) {
        return cache.get(key, () -> load(Duration.ofMinutes(10))).await().indefinitely();
    }

    @Test
    void localHitSkipsStore() {
        ReadThroughCache<String> cache = cache(10);
        String first = get(cache, "k");
        int readsAfterLoad = store.gets.get();

        assertThat(get(cache, "k")).isEqualTo(first);
        assertThat(store.gets).hasValue(readsAfterLoad);
        assertThat(loads).hasValue(1);
    }

    @Test
    void otherReplicaFindsStoredValue() {
        String first = get(cache(10), "k");
        ReadThroughCache<String> otherReplica = cache(10);

        assertThat(get(otherReplica, "k")).isEqualTo(first);
        int readsAfterFirstHit = store.gets.get();
        assertThat(get(otherReplica, "k")).isEqualTo(first);
        assertThat(store.gets).hasValue(readsAfterFirstHit);
        assertThat(loads).hasValue(1);
    }

    @Test
    void notServedAfterItsTime() {
        ReadThroughCache<String> cache = cache(10);
        String first = get(cache, "k");
        clock.advance(Duration.ofMinutes(10));

        assertThat(get(cache, "k")).isNotEqualTo(first);
        assertThat(loads).hasValue(2);
    }

    @Test
    void noLocalEntriesReadsStoreEachTime() {
        ReadThroughCache<String> cache = cache(0);
        get(cache, "k");
        int readsAfterLoad = store.gets.get();

        get(cache, "k");
        assertThat(store.gets).hasValue(readsAfterLoad + 1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void shortLivedValueNotCached() {
        ReadThroughCache<String> cache = cache(10);
        cache.get("k", () -> load(Duration.ofMillis(500))).await().indefinitely();
        cache.get("k", () -> load(Duration.ofMillis(500))).await().indefinitely();

        assertThat(loads).hasValue(2);
    }

    @Test
    void unreadableStoredTextIsMiss() {
        store.put("k", "garbage", Duration.ofMinutes(5)).await().indefinitely();

        assertThat(get(cache(10), "k")).startsWith("v1@");
        assertThat(loads).hasValue(1);
    }
}
