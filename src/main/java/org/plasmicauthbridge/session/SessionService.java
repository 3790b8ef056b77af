package org.plasmicauthbridge.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.store.Store;

/**
 * Browser sessions in the store, keyed by the hash of a random opaque id that only the browser's
 * cookie holds. A session ends after the idle timeout without requests, and after the absolute timeout
 * however active; every sign-in gets a new id, so a cookie planted before sign-in is never adopted.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Store store;

    @Inject
    BridgeConfig config;

    Clock clock = Clock.systemUTC();

    /** Stores a new session and returns its id, which goes only into the cookie. */
    public Uni<String> create(BrowserSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return store.put(key(id), session.write(), ttl(session)).replaceWith(id);
    }

    /** Returns the live session for the id, or null, after refreshing it with {@code refresh}. */
    public Uni<BrowserSession> find(String id, Function<BrowserSession, Uni<BrowserSession>> refresh) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return Uni.createFrom().nullItem();
        }
        return store.get(key(id)).flatMap(stored -> {
            BrowserSession session = stored == null ? null : BrowserSession.read(stored);
            if (session == null || !session.createdAt().plus(config.session().absoluteTimeout()).isAfter(clock.instant())) {
                return Uni.createFrom().nullItem();
            }
            return refresh.apply(session).flatMap(current -> {
                if (current == null) {
                    return store.delete(key(id)).replaceWith((BrowserSession) null);
                }
                // Writing again restarts the idle timeout.
                return store.put(key(id), current.write(), ttl(current)).replaceWith(current);
            });
        });
    }

    public Uni<BrowserSession> take(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return Uni.createFrom().nullItem();
        }
        return store.take(key(id)).map(stored -> stored == null ? null : BrowserSession.read(stored));
    }

    private Duration ttl(BrowserSession session) {
        Instant absoluteEnd = session.createdAt().plus(config.session().absoluteTimeout());
        Duration remaining = Duration.between(clock.instant(), absoluteEnd);
        Duration idle = config.session().idleTimeout();
        Duration ttl = remaining.compareTo(idle) < 0 ? remaining : idle;
        return ttl.toMillis() < 1000 ? Duration.ofSeconds(1) : ttl;
    }

    private static String key(String id) {
        return "session:" + Digests.sha256Hex(id);
    }
}
