package org.plasmicauthbridge.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one {@link RedisServer} for a Quarkus test and selects the Redis store. Use it with
 * {@code @WithTestResource(RedisTestResource.class)}; test classes with the same resources share
 * one application and one server.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;

    /** Starts the server and returns {@code bridge.store.type=redis} and {@code quarkus.redis.hosts}. */
    @Override
    public Map<String, String> start() {
        server = RedisServer.start();
        return Map.of(
                "bridge.store.type", "redis",
                "quarkus.redis.hosts", server.uri());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
