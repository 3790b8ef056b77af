package org.plasmicauthbridge.emulator;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;

/**
 * {@code GET /api/v1/app-auth/userinfo}: returns the user of a token, with the role computed anew
 * from the current access rules on every call.
 */
final class UserinfoHandler implements Handler<RoutingContext> {

    static final String TOKEN_HEADER = "x-plasmic-data-user-auth-token";

    private static final Logger LOG = System.getLogger(UserinfoHandler.class.getName());

    private final AppDirectory apps;
    private final UserTokens tokens;

    UserinfoHandler(AppDirectory apps, UserTokens tokens) {
        this.apps = apps;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = ctx.request().getHeader(TOKEN_HEADER);
        if (token == null || token.isEmpty()) {
            Replies.json(ctx, 403, noTokenError());
            return;
        }
        Optional<JwtClaims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            // Plasmic rethrows every verification failure, expiry included, as a plain error.
            LOG.log(Level.DEBUG, "Userinfo received a malformed, wrongly signed or expired token");
            Replies.internalError(ctx);
            return;
        }
        Replies.json(ctx, 200, userOf(claims.get()).orElseGet(JsonObject::new));
    }

    /** Returns the user JSON, or empty when the app or user is gone or no role applies any more. */
    private Optional<JsonObject> userOf(JwtClaims claims) {
        Object appId = claims.getClaimValue("appId");
        Object endUserId = claims.getClaimValue("endUserId");
        if (!(appId instanceof String project) || !(endUserId instanceof String userId)) {
            return Optional.empty();
        }
        return apps.byProjectId(project)
                .flatMap(state -> state.users().byId(userId).flatMap(state::userJson));
    }

    /** Builds the body of the ForbiddenError that Plasmic throws for a request without a token. */
    private static JsonObject noTokenError() {
        JsonObject error = new JsonObject()
                .put("name", "ForbiddenError")
                .put("statusCode", 403)
                .put("message", "No token provided");
        return new JsonObject().put("error", error);
    }
}
