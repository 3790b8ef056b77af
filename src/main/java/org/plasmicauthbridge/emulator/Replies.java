package org.plasmicauthbridge.emulator;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Writes the emulator's responses. Every response is JSON, because Plasmic's official client parses
 * each body before it looks at the status, and every response carries the CORS and cache headers
 * that Plasmic sends.
 */
final class Replies {

    private static final Logger LOG = System.getLogger(Replies.class.getName());

    private Replies() {
    }

    /** Sets the headers that every Plasmic response carries. */
    static void addCommonHeaders(HttpServerResponse response) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (status >= 400) {
            // Rejected input is logged at DEBUG only, so that bad requests cannot flood the log. The
            // path is logged without its query, which can carry codes and verifiers.
            LOG.log(Level.DEBUG, "Emulator {0} {1} returned {2}",
                    ctx.request().method(), ctx.normalizedPath(), Integer.toString(status));
        }
        HttpServerResponse response = ctx.response();
        addCommonHeaders(response);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.encode());
    }

    /** Sends {@code {"error": "<code>"}}, the form of Plasmic's app-auth errors. */
    static void error(RoutingContext ctx, int status, String code) {
        json(ctx, status, new JsonObject().put("error", code));
    }

    /**
     * Sends what Plasmic's error middleware sends for an unexpected exception, such as an
     * undecodable code or a bad user token.
     */
    static void internalError(RoutingContext ctx) {
        json(ctx, 500, new JsonObject().put("error", new JsonObject().put("message", "Internal Server Error")));
    }

    /** Sends a 302 to the location, with an empty JSON object as body so that every response is JSON. */
    static void redirect(RoutingContext ctx, String location) {
        ctx.response().putHeader(HttpHeaders.LOCATION, location);
        json(ctx, 302, new JsonObject());
    }
}
