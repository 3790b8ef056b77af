package org.plasmicauthbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.MutableClock;

class MemoryStoreTest extends StoreContract {

    private static final int MAX_ENTRIES = 1_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private MemoryStore store;

    @BeforeEach
    void newStore() {
        store = new MemoryStore(clock, MAX_ENTRIES);
    }

    @Override
    Store store() {
        return store;
    }

    @Override
    void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void expiryBoundary() {
        result(store.put(key, "value-1", Duration.ofMillis(100)));

        clock.advance(Duration.ofMillis(99));
        assertThat(result(store.get(key))).isEqualTo("value-1");

        clock.advance(Duration.ofMillis(1));
        assertThat(result(store.get(key))).isNull();
    }

    @Test
    void takeAfterExpiryIsNull() {
        result(store.put(key, "value-1", Duration.ofMillis(100)));
        clock.advance(Duration.ofMillis(100));

        assertThat(result(store.take(key))).isNull();
    }

    @Test
    void deleteAfterExpiryIsFalse() {
        result(store.put(key, "value-1", Duration.ofMillis(100)));
        clock.advance(Duration.ofMillis(100));

        assertThat(result(store.delete(key))).isFalse();
    }

    @Test
    void putAfterExpiryGetsNewTtl() {
        result(store.put(key, "value-1", Duration.ofMillis(100)));
        clock.advance(Duration.ofMillis(100));
        result(store.put(key, "value-2", Duration.ofMillis(100)));

        clock.advance(Duration.ofMillis(99));

        assertThat(result(store.get(key))).isEqualTo("value-2");
    }

    @Test
    void writeSweepsExpiredEntries() {
        for (int i = 0; i < 5; i++) {
            result(store.put("expiring-" + i, "value", Duration.ofSeconds(1)));
        }
        clock.advance(Duration.ofSeconds(1));

        result(store.put(key, "value-1", LONG_TTL));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void fullStoreEvictsNearestExpiry() {
        MemoryStore small = new MemoryStore(clock, 3);
        result(small.put("a", "value-a", Duration.ofSeconds(30)));
        result(small.put("b", "value-b", Duration.ofSeconds(10)));
        result(small.put("c", "value-c", Duration.ofSeconds(20)));

        result(small.put("d", "value-d", Duration.ofSeconds(40)));

        assertThat(result(small.get("b"))).isNull();
        assertThat(result(small.get("a"))).isEqualTo("value-a");
        assertThat(result(small.get("c"))).isEqualTo("value-c");
        assertThat(result(small.get("d"))).isEqualTo("value-d");
    }

    @Test
    void fullStoreEvictsOldestOnEqualExpiry() {
        MemoryStore small = new MemoryStore(clock, 2);
        result(small.put("a", "value-a", Duration.ofSeconds(10)));
        result(small.put("b", "value-b", Duration.ofSeconds(10)));

        result(small.put("c", "value-c", Duration.ofSeconds(10)));

        assertThat(result(small.get("a"))).isNull();
        assertThat(result(small.get("b"))).isEqualTo("value-b");
    }

    @Test
    void replacingKeyInFullStoreEvictsNothing() {
        MemoryStore small = new MemoryStore(clock, 2);
        result(small.put("a", "value-a", Duration.ofSeconds(10)));
        result(small.put("b", "value-b", Duration.ofSeconds(20)));

        result(small.put("b", "value-b2", Duration.ofSeconds(20)));

        assertThat(result(small.get("a"))).isEqualTo("value-a");
        assertThat(result(small.get("b"))).isEqualTo("value-b2");
    }

    @Test
    void insertsPastMaxStayBounded() {
        MemoryStore small = new MemoryStore(clock, 3);

        for (int i = 0; i < 10; i++) {
            result(small.put("key-" + i, "value-" + i, Duration.ofSeconds(10 + i)));
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }

        assertThat(small.size()).isEqualTo(3);
        assertThat(result(small.get("key-9"))).isEqualTo("value-9");
    }

    @Test
    void concurrentInsertsStayBounded() throws Exception {
        int maxEntries = 50;
        MemoryStore small = new MemoryStore(clock, maxEntries);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> largestSeen = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String prefix = "thread-" + thread + "-";
                largestSeen.add(pool.submit(() -> fillAndTrackSize(small, prefix, 500)));
            }
            for (Future<Integer> largest : largestSeen) {
                assertThat(largest.get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(maxEntries);
            }
            assertThat(small.size()).isEqualTo(maxEntries);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsMaxEntriesBelowOne() {
        assertThatThrownBy(() -> new MemoryStore(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int fillAndTrackSize(MemoryStore target, String prefix, int count) {
        int largest = 0;
        for (int i = 0; i < count; i++) {
            result(target.put(prefix + i, "value", LONG_TTL));
            largest = Math.max(largest, target.size());
        }
        return largest;
    }
}
