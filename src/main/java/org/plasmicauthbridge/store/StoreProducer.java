package org.plasmicauthbridge.store;

import io.quarkus.logging.Log;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.plasmicauthbridge.config.BridgeConfig;

/** Produces the one {@link Store} bean that {@code bridge.store.type} selects. */
@Singleton
class StoreProducer {

    /**
     * Creates the store on first use. The Redis client is looked up only for the Redis store, so a
     * memory store never makes the client open a connection.
     */
    @Produces
    @ApplicationScoped
    Store store(BridgeConfig config, Instance<Redis> redis) {
        BridgeConfig.Store settings = config.store();
        return switch (settings.type()) {
            case MEMORY -> memoryStore(settings);
            case REDIS -> redisStore(settings, redis.get());
        };
    }

    private static Store memoryStore(BridgeConfig.Store settings) {
        Log.infof("Store: memory, max %d entries, not shared between replicas",
                settings.memoryMaxEntries());
        return new MemoryStore(Clock.systemUTC(), settings.memoryMaxEntries());
    }

    private static Store redisStore(BridgeConfig.Store settings, Redis redis) {
        Log.infof("Store: Redis, key prefix '%s', command timeout %s", settings.keyPrefix(), settings.timeout());
        return new RedisStore(redis, settings.keyPrefix(), settings.timeout());
    }
}
