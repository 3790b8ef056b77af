package org.plasmicauthbridge.emulator;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/app-auth/code}: the authorize step of Plasmic's hosted login. In Plasmic, the
 * signed-in Plasmic Studio account is the user. The emulator has no Studio, so it signs in the user
 * named by the emulator-only query parameter {@code email}.
 */
final class AuthorizeHandler implements Handler<RoutingContext> {

    /** Plasmic's codes live one minute. */
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    private final AppDirectory apps;
    private final CodeSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AuthorizeHandler(AppDirectory apps, CodeSealer sealer, Clock clock) {
        this.apps = apps;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String email = QueryParams.single(ctx, "email");
        if (email == null || email.isEmpty()) {
            Replies.json(ctx, 401, loginRequired());
            return;
        }
        String clientId = QueryParams.single(ctx, "client_id");
        Optional<AppState> app = apps.byProjectId(clientId)
                .filter(state -> state.app().providers().contains(AuthProvider.PLASMIC_AUTH));
        if (app.isEmpty()) {
            Replies.error(ctx, 400, "invalid_client_id");
            return;
        }
        Optional<String> redirectUri = RedirectUriPolicy.resolve(
                app.get().app(),
                QueryParams.single(ctx, "redirect_uri"),
                QueryParams.isRepeated(ctx, "redirect_uri"),
                QueryParams.single(ctx, "state"),
                QueryParams.single(ctx, "origin_host"));
        if (redirectUri.isEmpty()) {
            Replies.error(ctx, 400, "invalid_redirect_uri");
            return;
        }
        authorize(ctx, app.get(), redirectUri.get(), email);
    }

    /** Runs the checks whose failures Plasmic reports by redirect, then issues the code. */
    private void authorize(RoutingContext ctx, AppState state, String redirectUri, String email) {
        String error = null;
        String challenge = QueryParams.single(ctx, "code_challenge");
        if (!"code".equals(QueryParams.single(ctx, "response_type"))) {
            error = "invalid_response_type";
        } else if (!"S256".equals(QueryParams.single(ctx, "code_challenge_method"))) {
            error = "invalid_code_challenge_method";
        } else if (challenge == null) {
            error = "invalid_code_challenge";
        } else if (state.rules().roleFor(email, null).isEmpty()) {
            error = "unauthorized_user";
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (error != null) {
            params.put("error", error);
        } else {
            params.put("code", issueCode(state, redirectUri, challenge, email));
            // NOTE: Plasmic writes "state=undefined" when the request has no state; the emulator
            // leaves the parameter out.
            Optional.ofNullable(QueryParams.single(ctx, "state")).ifPresent(value -> params.put("state", value));
        }
        // Plasmic appends "?" even when the redirect URI has a query already; so does the emulator.
        Replies.redirect(ctx, redirectUri + "?" + formEncode(params));
    }

    private String issueCode(AppState state, String redirectUri, String challenge, String email) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        long expiresAt = clock.millis() + CODE_LIFETIME.toMillis();
        CodeGrant grant = new CodeGrant(
                HexFormat.of().formatHex(id), state.app().projectId(), redirectUri, challenge, email, expiresAt);
        return sealer.seal(grant.toJson());
    }

    private static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonObject loginRequired() {
        return new JsonObject()
                .put("error", "login_required")
                .put("message", "The emulator has no Plasmic Studio login: add the query parameter"
                        + " email=<address> to sign in as that user.");
    }
}
