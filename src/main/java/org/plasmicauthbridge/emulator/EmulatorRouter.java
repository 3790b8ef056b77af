package org.plasmicauthbridge.emulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the routes of the emulator, including JSON responses for unknown paths and failures. */
final class EmulatorRouter {

    static final String ENSURE_USER_PATH = "/api/v1/app-auth/user";
    static final String USERINFO_PATH = "/api/v1/app-auth/userinfo";
    static final String TOKEN_PATH = "/api/v1/app-auth/token";
    static final String AUTHORIZE_PATH = "/api/v1/app-auth/code";

    private static final Logger LOG = System.getLogger(EmulatorRouter.class.getName());

    private final EmulatorSettings settings;
    private final AppDirectory apps;
    private final EmulatorCounters counters;
    private final UserTokens tokens;
    private final CodeSealer sealer = new CodeSealer();

    /** Draws the token and code keys, which then last as long as the emulator, across restarts. */
    EmulatorRouter(EmulatorSettings settings, AppDirectory apps, EmulatorCounters counters) {
        this.settings = settings;
        this.apps = apps;
        this.counters = counters;
        this.tokens = new UserTokens(settings.clock());
    }

    Router create(Vertx vertx) {
        Router router = Router.router(vertx);
        // This route handles preflights rather than an OPTIONS route, because a route for every
        // path would turn the 404 of an unknown path into a 405.
        router.route().handler(ctx -> {
            Replies.addCommonHeaders(ctx.response());
            if (ctx.request().method() == HttpMethod.OPTIONS) {
                respondToPreflight(ctx);
            } else {
                ctx.next();
            }
        });
        // Vert.x requires the body handler to come first on its route, so the counter has a route of its own.
        router.post(ENSURE_USER_PATH).handler(counted(counters.ensure()));
        router.post(ENSURE_USER_PATH)
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(new EnsureUserHandler(apps, tokens));
        router.get(USERINFO_PATH).handler(counted(counters.userinfo())).handler(new UserinfoHandler(apps, tokens));
        router.get(TOKEN_PATH)
                .handler(counted(counters.token()))
                .handler(new TokenHandler(apps, tokens, sealer, settings.clock()));
        router.get(AUTHORIZE_PATH)
                .handler(counted(counters.authorize()))
                .handler(new AuthorizeHandler(apps, sealer, settings.clock()));
        router.route().failureHandler(EmulatorRouter::respondToFailure);
        router.errorHandler(404, ctx -> Replies.json(ctx, 404, message("Not Found")));
        router.errorHandler(405, ctx -> Replies.json(ctx, 405, message("Method Not Allowed")));
        return router;
    }

    private static Handler<RoutingContext> counted(AtomicLong counter) {
        return ctx -> {
            counter.incrementAndGet();
            ctx.next();
        };
    }

    /** Responds to CORS preflights as the Express {@code cors} middleware does with its defaults. */
    private static void respondToPreflight(RoutingContext ctx) {
        String requested = ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        ctx.response()
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,PATCH,POST,DELETE")
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null) {
            ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested);
        }
        ctx.response().setStatusCode(204).end();
    }

    /**
     * Responds to a failed request. A 4xx status that a handler such as the body limit set is
     * kept, and an exception becomes Plasmic's 500.
     */
    private static void respondToFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() == null && status >= 400 && status < 500) {
            Replies.json(ctx, status, message(HttpResponseStatus.valueOf(status).reasonPhrase()));
            return;
        }
        LOG.log(Level.WARNING, "Emulator request to " + ctx.normalizedPath() + " failed", ctx.failure());
        Replies.internalError(ctx);
    }

    private static JsonObject message(String text) {
        return new JsonObject().put("error", new JsonObject().put("message", text));
    }
}
