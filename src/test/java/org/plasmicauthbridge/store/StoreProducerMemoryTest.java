package org.plasmicauthbridge.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the default {@code bridge.store.type=memory}, the application uses the memory store and
 * never connects to Redis, even with {@code quarkus.redis.hosts} set.
 */
@QuarkusTest
@WithTestResource(StoreProducerMemoryTest.ListenerAsRedis.class)
class StoreProducerMemoryTest {

    @Inject
    Store store;

    /** The socket that quarkus.redis.hosts points at, injected by {@link ListenerAsRedis}. */
    ServerSocket redisAddress;

    @Test
    void memoryStoreWithoutRedisConnection() throws IOException {
        assertThat(ClientProxy.unwrap(store)).isInstanceOf(MemoryStore.class);
        store.put("producer-test", "value-1", Duration.ofMinutes(1)).await().atMost(Duration.ofSeconds(5));
        given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(StoreHealthCheck.NAME));

        // A connection attempt would wait in the listen backlog, so accept() would return it at once.
        redisAddress.setSoTimeout(300);
        assertThatThrownBy(() -> redisAddress.accept()).isInstanceOf(SocketTimeoutException.class);
    }

    /** Listens on a free port and offers it as the Redis address, without ever replying. */
    public static class ListenerAsRedis implements QuarkusTestResourceLifecycleManager {

        private ServerSocket listener;

        @Override
        public Map<String, String> start() {
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to listen on 127.0.0.1", e);
            }
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + listener.getLocalPort());
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(listener, new TestInjector.MatchesType(ServerSocket.class));
        }

        @Override
        public void stop() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // The test is over, and the JVM releases the socket at exit anyway.
            }
        }
    }
}
