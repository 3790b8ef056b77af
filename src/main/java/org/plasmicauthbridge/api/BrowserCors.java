package org.plasmicauthbridge.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.login.ReturnTo;

/**
 * CORS with credentials for the browser endpoints {@code /v1/session} and {@code /v1/logout}, and only
 * for the configured allowed origins. Other endpoints get no CORS headers from here: the v1 exchange
 * endpoints serve backends, and the Plasmic-compatible userinfo sets its own {@code *} without credentials.
 */
@ApplicationScoped
public class BrowserCors {

    private static final Set<String> PATHS = Set.of("/v1/session", "/v1/logout");

    @Inject
    BridgeConfig config;

    void register(@Observes Router router) {
        router.route().order(-900).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || !PATHS.contains(context.request().path()) || !allowed(origin)) {
            context.next();
            return;
        }
        context.response()
                .putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Allow-Credentials", "true")
                .putHeader("Vary", "Origin");
        if ("OPTIONS".equals(context.request().method().name())) {
            context.response()
                    .putHeader("Access-Control-Allow-Methods", "GET, POST")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type")
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204)
                    .end();
            return;
        }
        context.next();
    }

    private boolean allowed(String origin) {
        String normalised = ReturnTo.normaliseOrigin(origin);
        List<String> allowed = config.allowedOrigins().orElse(List.of());
        return allowed.stream().map(ReturnTo::normaliseOrigin).anyMatch(normalised::equals);
    }
}
