package org.plasmicauthbridge.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.exchange.TokenVerification;

/**
 * Plasmic's own userinfo endpoint, served by the bridge so that {@code @plasmicapp/auth-api} and
 * {@code @plasmicapp/auth-react} work with {@code host} pointed at the bridge. It differs from Plasmic
 * on purpose in one way: a bad or expired token is a 401, not Plasmic's 500, so that clients can
 * distinguish a bad token from an outage (503). Like Plasmic it allows every origin, because the token travels
 * in a header, never in a cookie.
 */
@Path("/api/v1/app-auth/userinfo")
public class PlasmicCompatibleResource {

    static final String TOKEN_HEADER = "x-plasmic-data-user-auth-token";

    @Inject
    TokenVerification verification;

    @Inject
    AuthEvents events;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "The Plasmic user"),
        @APIResponse(responseCode = "400", description = "Accept header excludes JSON"),
        @APIResponse(responseCode = "401", description = "Token invalid"),
        @APIResponse(responseCode = "403", description = "No token provided"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic or store unavailable")
    })
    public Uni<Response> userinfo(@HeaderParam(TOKEN_HEADER) String token, @Context HttpServerRequest request) {
        if (token == null || token.isEmpty()) {
            events.failure("plasmic_userinfo", null, ErrorCode.INVALID_REQUEST, RequestIds.of(request));
            return Uni.createFrom().item(PlasmicErrors.noToken());
        }
        return verification.verify(token).map(outcome -> {
            if (!outcome.active()) {
                throw new BridgeException(ErrorCode.INVALID_TOKEN, "Invalid token");
            }
            events.success("plasmic_userinfo", null, RequestIds.of(request));
            return Response.ok(SessionBodies.userBody(outcome.user()), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .header("Access-Control-Allow-Origin", "*")
                    .build();
        });
    }

    @OPTIONS
    @APIResponse(responseCode = "204", description = "CORS preflight allowed for every origin")
    public Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Allow-Headers", TOKEN_HEADER + ", content-type")
                .header("Access-Control-Max-Age", "600")
                .build();
    }
}
