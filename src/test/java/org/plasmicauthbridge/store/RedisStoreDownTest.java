package org.plasmicauthbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.RedisServer;

/** A Redis store and its readiness check while the server is stopped, restarted or not replying. */
class RedisStoreDownTest {

    private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final String KEY = "session:4f1c9a";
    private static final String VALUE = "plasmic-token-value";

    private RedisServer server;
    private Vertx vertx;
    private Redis client;
    private RedisStore store;
    private StoreHealthCheck healthCheck;

    @BeforeEach
    void startServer() {
        server = RedisServer.start();
        vertx = Vertx.vertx();
        client = Redis.createClient(vertx, server.uri());
        store = new RedisStore(client, "pab:", COMMAND_TIMEOUT);
        healthCheck = new StoreHealthCheck(store);
    }

    @AfterEach
    void stopServer() {
        client.close();
        vertx.closeAndAwait();
        server.close();
    }

    @Test
    void commandsFailWhenServerStopped() {
        store.put(KEY, VALUE, Duration.ofMinutes(1)).await().atMost(WAIT_LIMIT);

        server.stop();

        List<Supplier<Uni<?>>> operations = List.of(
                () -> store.put(KEY, VALUE, Duration.ofMinutes(1)),
                () -> store.putIfAbsent(KEY, VALUE, Duration.ofMinutes(1)),
                () -> store.get(KEY),
                () -> store.take(KEY),
                () -> store.delete(KEY),
                store::ping);
        for (Supplier<Uni<?>> operation : operations) {
            Throwable failure = catchThrowable(() -> operation.get().await().atMost(WAIT_LIMIT));
            assertThat(failure).isInstanceOf(StoreUnavailableException.class);
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(KEY).doesNotContain(VALUE);
            }
        }
    }

    @Test
    void healthDownWhenServerStopped() {
        assertThat(check().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        server.stop();
        HealthCheckResponse response = check();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo(StoreHealthCheck.NAME);
        assertThat(response.getData()).isEmpty();
    }

    @Test
    void healthUpAfterRestart() {
        server.stop();
        assertThat(check().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        server.restart();

        await().atMost(WAIT_LIMIT).until(() -> check().getStatus() == HealthCheckResponse.Status.UP);
    }

    @Test
    void commandTimesOutWhenServerPaused() {
        store.ping().await().atMost(WAIT_LIMIT);
        // CLIENT PAUSE delays every client's commands on the server for the given milliseconds.
        client.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(3_000).arg("ALL")).await().atMost(WAIT_LIMIT);

        Throwable failure = catchThrowable(() -> store.get(KEY).await().atMost(WAIT_LIMIT));

        assertThat(failure).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no reply");
    }

    private HealthCheckResponse check() {
        return healthCheck.call().await().atMost(WAIT_LIMIT);
    }
}
