package org.plasmicauthbridge.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.RedisTestResource;

/** The store contract against a real redis-server, through the bean the application gets. */
@QuarkusTest
@WithTestResource(RedisTestResource.class)
class RedisStoreTest extends StoreContract {

    @Inject
    Store store;

    /** The application's Redis client, used here without the store to see the raw keys. */
    @Inject
    Redis rawClient;

    @Override
    Store store() {
        return store;
    }

    @Override
    void letTimePass(Duration duration) {
        // Redis expires keys in real time, and the contract waits for that with Awaitility.
    }

    @Test
    void producerGivesRedisStore() {
        assertThat(ClientProxy.unwrap(store)).isInstanceOf(RedisStore.class);
    }

    @Test
    void keyPrefixApplied() {
        result(store.put(key, "value-1", LONG_TTL));

        assertThat(rawGet("pab:" + key)).isEqualTo("value-1");
        assertThat(rawGet(key)).isNull();
    }

    @Test
    void ttlSentInMilliseconds() {
        result(store.put(key, "value-1", Duration.ofMillis(90_500)));

        Response remaining = result(rawClient.send(Request.cmd(Command.PTTL).arg("pab:" + key)));

        assertThat(remaining.toLong()).isBetween(80_000L, 90_500L);
    }

    @Test
    void readinessUp() {
        given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem(StoreHealthCheck.NAME))
                .body("status", equalTo("UP"));
    }

    private String rawGet(String rawKey) {
        Response response = result(rawClient.send(Request.cmd(Command.GET).arg(rawKey)));
        return response == null ? null : response.toString();
    }
}
