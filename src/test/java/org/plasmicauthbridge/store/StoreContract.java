package org.plasmicauthbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour every {@link Store} must have. Each implementation's test extends this class and defines
 * how time passes for it: a memory store moves its clock, a Redis store waits for real expiry.
 */
abstract class StoreContract {

    /** A TTL short enough to wait for, yet long enough that an entry is still present right after writing it. */
    static final Duration SHORT_TTL = Duration.ofSeconds(1);
    static final Duration LONG_TTL = Duration.ofMinutes(5);
    static final Duration WAIT_LIMIT = Duration.ofSeconds(10);

    /** A fresh key per test, so that tests sharing one Redis server never see each other's entries. */
    String key;

    abstract Store store();

    /** Lets at least {@code duration} pass for the store: moves its clock, or does nothing where real time passes. */
    abstract void letTimePass(Duration duration);

    @BeforeEach
    void newKey() {
        key = "contract:" + UUID.randomUUID();
    }

    static <T> T result(Uni<T> operation) {
        return operation.await().atMost(WAIT_LIMIT);
    }

    @Test
    void putThenGet() {
        result(store().put(key, "value-1", LONG_TTL));

        assertThat(result(store().get(key))).isEqualTo("value-1");
    }

    @Test
    void putReplacesValue() {
        result(store().put(key, "value-1", LONG_TTL));
        result(store().put(key, "value-2", LONG_TTL));

        assertThat(result(store().get(key))).isEqualTo("value-2");
    }

    @Test
    void getAbsentIsNull() {
        assertThat(result(store().get(key))).isNull();
    }

    @Test
    void getAfterExpiryIsNull() {
        result(store().put(key, "value-1", SHORT_TTL));
        assertThat(result(store().get(key))).isEqualTo("value-1");

        letTimePass(SHORT_TTL);

        await().atMost(WAIT_LIMIT).until(() -> result(store().get(key)) == null);
    }

    @Test
    void putIfAbsentFirstWins() {
        assertThat(result(store().putIfAbsent(key, "first", LONG_TTL))).isTrue();
        assertThat(result(store().putIfAbsent(key, "second", LONG_TTL))).isFalse();

        assertThat(result(store().get(key))).isEqualTo("first");
    }

    @Test
    void putIfAbsentAfterExpirySucceeds() {
        assertThat(result(store().putIfAbsent(key, "first", SHORT_TTL))).isTrue();

        letTimePass(SHORT_TTL);

        await().atMost(WAIT_LIMIT).until(() -> result(store().putIfAbsent(key, "second", LONG_TTL)));
        assertThat(result(store().get(key))).isEqualTo("second");
    }

    @Test
    void putIfAbsentConcurrentOneWins() throws Exception {
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch startTogether = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String value = "value-" + i;
                outcomes.add(pool.submit(() -> {
                    startTogether.await();
                    return result(store().putIfAbsent(key, value, LONG_TTL));
                }));
            }
            startTogether.countDown();

            List<String> winners = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                if (outcomes.get(i).get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    winners.add("value-" + i);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(result(store().get(key))).isEqualTo(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takeReturnsThenRemoves() {
        result(store().put(key, "value-1", LONG_TTL));

        assertThat(result(store().take(key))).isEqualTo("value-1");
        assertThat(result(store().take(key))).isNull();
        assertThat(result(store().get(key))).isNull();
    }

    @Test
    void takeAbsentIsNull() {
        assertThat(result(store().take(key))).isNull();
    }

    @Test
    void deleteRemovesKey() {
        result(store().put(key, "value-1", LONG_TTL));

        assertThat(result(store().delete(key))).isTrue();
        assertThat(result(store().get(key))).isNull();
    }

    @Test
    void deleteAbsentIsFalse() {
        assertThat(result(store().delete(key))).isFalse();
    }

    @Test
    void pingSucceeds() {
        result(store().ping());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT0.0005S"})
    void putRejectsTtlUnderOneMilli(String ttl) {
        assertThatThrownBy(() -> store().put(key, "value-1", Duration.parse(ttl)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(result(store().get(key))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT0.0005S"})
    void putIfAbsentRejectsTtlUnderOneMilli(String ttl) {
        assertThatThrownBy(() -> store().putIfAbsent(key, "value-1", Duration.parse(ttl)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(result(store().get(key))).isNull();
    }
}
