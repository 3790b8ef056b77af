package org.plasmicauthbridge.store;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * A store in Redis, shared by every replica. Each operation is one Redis command, so it is atomic
 * and costs one round trip: {@code SET NX PX} for {@link #putIfAbsent}, {@code GETDEL} for
 * {@link #take}. {@code GETDEL} needs Redis 6.2 or later.
 *
 * <p>Every key gets the configured prefix, so the bridge can share a Redis database with other
 * applications. A failed command, or one without a reply within the timeout, fails with
 * {@link StoreUnavailableException}; its message names the command but never a key or value.
 */
public final class RedisStore implements Store {

    private final Redis redis;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * Creates a store over a Redis client that this store does not own or close.
     *
     * @param keyPrefix prepended to every key, for example {@code pab:}
     * @param timeout time limit of one command
     */
    public RedisStore(Redis redis, String keyPrefix, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Uni<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        long ttlMillis = Ttls.toMillis(ttl);
        Request request = Request.cmd(Command.SET).arg(prefixed(key)).arg(value).arg("NX").arg("PX").arg(ttlMillis);
        // SET ... NX replies OK when it stored the value and nil when the key existed.
        return send("SET NX", request).map(Objects::nonNull);
    }

    @Override
    public Uni<Void> put(String key, String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        long ttlMillis = Ttls.toMillis(ttl);
        Request request = Request.cmd(Command.SET).arg(prefixed(key)).arg(value).arg("PX").arg(ttlMillis);
        return send("SET", request).replaceWithVoid();
    }

    @Override
    public Uni<String> get(String key) {
        return send("GET", Request.cmd(Command.GET).arg(prefixed(key))).map(RedisStore::bulkString);
    }

    @Override
    public Uni<String> take(String key) {
        return send("GETDEL", Request.cmd(Command.GETDEL).arg(prefixed(key))).map(RedisStore::bulkString);
    }

    @Override
    public Uni<Boolean> delete(String key) {
        return send("DEL", Request.cmd(Command.DEL).arg(prefixed(key))).map(removed -> removed.toLong() > 0);
    }

    @Override
    public Uni<Void> ping() {
        return send("PING", Request.cmd(Command.PING)).replaceWithVoid();
    }

    private String prefixed(String key) {
        return keyPrefix + Objects.requireNonNull(key, "key");
    }

    private Uni<Response> send(String command, Request request) {
        return redis.send(request)
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(failure -> unavailable(command, failure));
    }

    private StoreUnavailableException unavailable(String command, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new StoreUnavailableException("Redis " + command + " got no reply within " + timeout, failure);
        }
        // Only the exception type goes into the message, because client messages are not ours to vet.
        return new StoreUnavailableException(
                "Redis " + command + " failed: " + failure.getClass().getSimpleName(), failure);
    }

    private static String bulkString(Response response) {
        return response == null ? null : response.toString();
    }
}
