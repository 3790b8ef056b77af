package org.plasmicauthbridge.emulator;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code GET /api/v1/app-auth/token}: exchanges an authorization code of Plasmic's hosted login for
 * a user token. The checks run in Plasmic's order, which the tests pin down.
 */
final class TokenHandler implements Handler<RoutingContext> {

    private static final Logger LOG = System.getLogger(TokenHandler.class.getName());

    private final AppDirectory apps;
    private final UserTokens tokens;
    private final CodeSealer sealer;
    private final UsedCodes usedCodes = new UsedCodes();
    private final Clock clock;

    TokenHandler(AppDirectory apps, UserTokens tokens, CodeSealer sealer, Clock clock) {
        this.apps = apps;
        this.tokens = tokens;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!"authorization_code".equals(QueryParams.single(ctx, "grant_type"))) {
            Replies.error(ctx, 400, "invalid_grant_type");
            return;
        }
        String code = QueryParams.single(ctx, "code");
        Optional<CodeGrant> grant = Optional.ofNullable(code)
                .flatMap(sealer::open)
                .flatMap(CodeGrant::fromJson);
        if (grant.isEmpty()) {
            // Plasmic's decryption throws on such a code, which its error middleware turns into a 500.
            LOG.log(Level.DEBUG, "Token exchange received an undecodable code");
            Replies.internalError(ctx);
            return;
        }
        exchange(ctx, grant.get());
    }

    private void exchange(RoutingContext ctx, CodeGrant grant) {
        long now = clock.millis();
        if (now > grant.expiresAtMillis()) {
            Replies.error(ctx, 400, "code_expired");
            return;
        }
        if (!grant.clientId().equals(QueryParams.single(ctx, "client_id"))) {
            Replies.error(ctx, 400, "invalid_client_id");
            return;
        }
        String verifier = QueryParams.single(ctx, "code_verifier");
        if (verifier == null) {
            // Plasmic hashes the missing verifier, and its crypto library throws: a 500.
            Replies.internalError(ctx);
            return;
        }
        if (!hexSha256(verifier).equals(grant.codeChallenge())) {
            Replies.error(ctx, 400, "invalid_code_verifier");
            return;
        }
        Optional<AppState> app = apps.byProjectId(grant.clientId());
        if (usedCodes.contains(grant.id())) {
            Replies.error(ctx, 400, "code_already_used");
            return;
        }
        if (app.isEmpty()) {
            Replies.error(ctx, 400, "invalid_client_id");
            return;
        }
        if (!usedCodes.markUsed(grant.id(), grant.expiresAtMillis(), now)) {
            Replies.error(ctx, 400, "code_already_used");
            return;
        }
        issue(ctx, app.get(), grant.email());
    }

    /**
     * Creates or finds the user by e-mail and returns a token. Plasmic stores the Studio account's
     * name and avatar as properties here; the emulator has no such account, so it stores {}.
     */
    private void issue(RoutingContext ctx, AppState state, String email) {
        EndUser user = state.users().upsert(Identity.email(email), new JsonObject());
        String token = tokens.mint(state.app().projectId(), user.id());
        JsonObject userJson = state.userJson(user).orElseGet(JsonObject::new);
        Replies.json(ctx, 200, new JsonObject().put("token", token).put("user", userJson));
    }

    /**
     * Returns the lower-case hex SHA-256 of the verifier. Plasmic compares this, not the base64url
     * form of RFC 7636 section 4.2, with the code challenge.
     */
    private static String hexSha256(String verifier) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(verifier.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
