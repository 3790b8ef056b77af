package org.plasmicauthbridge.emulator;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/app-auth/user}: creates or updates a user of a custom-auth app and returns a
 * user token. The checks run in Plasmic's order: request shape, secret, stored role rule, role.
 */
final class EnsureUserHandler implements Handler<RoutingContext> {

    static final String SECRET_HEADER = "x-plasmic-app-auth-api-token";

    private static final Logger LOG = System.getLogger(EnsureUserHandler.class.getName());

    private final AppDirectory apps;
    private final UserTokens tokens;

    EnsureUserHandler(AppDirectory apps, UserTokens tokens) {
        this.apps = apps;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        JsonObject body = readBody(ctx);
        // Plasmic reads the body field first and falls back to the header.
        Object secret = body.getValue("appAuthApiToken");
        if (secret == null) {
            secret = ctx.request().getHeader(SECRET_HEADER);
        }
        String email = JsonValues.nonEmptyString(body.getValue("email"));
        String externalId = JsonValues.nonEmptyString(body.getValue("externalId"));
        if (JsonValues.isFalsy(secret) || (email == null && externalId == null)) {
            Replies.error(ctx, 400, "invalid_request");
            return;
        }
        Optional<AppState> app = secret instanceof String text ? apps.bySecret(text) : Optional.empty();
        if (app.isEmpty() || !app.get().app().providers().contains(AuthProvider.CUSTOM_AUTH)) {
            LOG.log(Level.DEBUG, "Ensure user rejected: the secret matches no custom-auth app");
            Replies.error(ctx, 403, "invalid_token");
            return;
        }
        ensure(ctx, app.get(), new Identity(email, externalId), body);
    }

    private void ensure(RoutingContext ctx, AppState state, Identity identity, JsonObject body) {
        Object roleId = body.getValue("roleId");
        if (!JsonValues.isFalsy(roleId)) {
            if (!(roleId instanceof String id) || state.app().role(id).isEmpty()) {
                // NOTE: Plasmic stores the rule with a foreign key to the role. An unknown role id is
                // assumed to fail there, so that its error middleware returns a 500.
                LOG.log(Level.DEBUG, "Ensure user in app {0} named an unknown role id", state.app().projectId());
                Replies.internalError(ctx);
                return;
            }
            state.rules().grant(identity.email(), identity.externalId(), id);
        }
        if (state.rules().roleFor(identity.email(), identity.externalId()).isEmpty()) {
            Replies.error(ctx, 403, "unauthorized_user");
            return;
        }
        EndUser user = state.users().upsert(identity, propertiesOf(body));
        String token = tokens.mint(state.app().projectId(), user.id());
        JsonObject userJson = state.userJson(user).orElseGet(JsonObject::new);
        Replies.json(ctx, 200, new JsonObject().put("token", token).put("user", userJson));
    }

    /** Returns the properties to store: they replace the old ones, and a call without them stores {}. */
    private static Object propertiesOf(JsonObject body) {
        Object properties = body.getValue("properties");
        return properties == null ? new JsonObject() : JsonValues.copy(properties);
    }

    /**
     * Returns the JSON object of a JSON request, or an empty object for any other body. Express
     * parses only {@code application/json} bodies, so other content types reach Plasmic as an empty
     * body too. A malformed JSON body also becomes empty, so the response is {@code invalid_request}.
     */
    private static JsonObject readBody(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        Buffer buffer = ctx.body().buffer();
        if (contentType == null || buffer == null || buffer.length() == 0) {
            return new JsonObject();
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return new JsonObject();
        }
        try {
            return Json.decodeValue(buffer) instanceof JsonObject object ? object : new JsonObject();
        } catch (DecodeException e) {
            LOG.log(Level.DEBUG, "Ensure user received a malformed JSON body");
            return new JsonObject();
        }
    }
}
