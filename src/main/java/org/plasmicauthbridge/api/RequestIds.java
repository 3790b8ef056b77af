package org.plasmicauthbridge.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Runs before every request: gives it a request id (the caller's {@code X-Request-Id} when it is a
 * short plain token, else a new UUID), echoes the id in the response, and rejects a body whose
 * declared length exceeds the limit before it is read.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    BridgeConfig config;

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::filter);
    }

    void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
        request.headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);

        String length = request.getHeader("Content-Length");
        if (length != null && exceeds(length, config.limits().maxBodyBytes())) {
            context.response().setStatusCode(413)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(Problems.body(ErrorCode.PAYLOAD_TOO_LARGE,
                            "The request body exceeds " + config.limits().maxBodyBytes() + " bytes", id).toString());
            return;
        }
        context.next();
    }

    /**
     * Returns a random version 4 UUID from {@link ThreadLocalRandom}. A request id only correlates log
     * lines and is no secret, so it needs no SecureRandom: {@link UUID#randomUUID()} makes every request
     * thread share one SecureRandom, which takes a lock and mixes in bytes read from /dev/urandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    private static boolean exceeds(String contentLength, int max) {
        try {
            return Long.parseLong(contentLength.strip()) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
