package org.plasmicauthbridge.emulator;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Reads query parameters as Plasmic's Express server parses them. */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * Returns the parameter's value, or null when it is absent or repeated. Express turns a repeated
     * parameter into an array, which fails Plasmic's string checks just as an absent one does.
     */
    static String single(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    static boolean isRepeated(RoutingContext ctx, String name) {
        return ctx.queryParam(name).size() > 1;
    }
}
