package org.plasmicauthbridge.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.jboss.resteasy.reactive.RestResponse;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.exchange.TokenVerification;

/** Checks Plasmic user tokens for other services: {@code POST /v1/verify} and {@code GET /v1/userinfo}. */
@Path("/v1")
public class VerifyResource {

    @Inject
    TokenVerification verification;

    @Inject
    AuthEvents events;

    /** Introspection-style check (in the manner of RFC 7662): {@code active} with the user, or inactive. */
    @POST
    @Path("/verify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "Active with the user, or inactive",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))),
        @APIResponse(responseCode = "400", description = "Malformed request"),
        @APIResponse(responseCode = "413", description = "Body too large"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic or store unavailable")
    })
    public Uni<RestResponse<byte[]>> verify(String body, @Context HttpServerRequest request) {
        return Uni.createFrom().deferred(() -> {
            String token = JsonBodies.optionalString(JsonBodies.object(body), "token");
            if (token == null || token.isEmpty()) {
                throw new BridgeException(ErrorCode.INVALID_REQUEST, "The member token is missing");
            }
            return verification.verify(token);
        }).map(outcome -> {
            if (outcome.active()) {
                events.success("verify", null, RequestIds.of(request));
            } else {
                events.failure("verify", null, ErrorCode.INVALID_TOKEN, RequestIds.of(request));
            }
            return SessionBodies.ok(SessionBodies.object(out -> {
                out.writeBooleanField("active", outcome.active());
                if (outcome.active()) {
                    SessionBodies.writeUser(out, outcome.user());
                    out.writeStringField("expiresAt", SessionBodies.rfc3339(outcome.expiresAt()));
                }
            }));
        });
    }

    @GET
    @Path("/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "The Plasmic user",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))),
        @APIResponse(responseCode = "400", description = "Accept header excludes JSON"),
        @APIResponse(responseCode = "401", description = "Token missing or invalid"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic or store unavailable")
    })
    public Uni<RestResponse<byte[]>> userinfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        return Uni.createFrom().deferred(() -> {
            String token = BearerTokens.read(authorization, ErrorCode.INVALID_TOKEN);
            if (token == null) {
                throw new BridgeException(ErrorCode.INVALID_TOKEN, "Send the Plasmic user token as Authorization: Bearer");
            }
            return verification.verify(token);
        }).map(outcome -> {
            if (!outcome.active()) {
                throw new BridgeException(ErrorCode.INVALID_TOKEN, "The token is invalid, expired or its user has no access");
            }
            events.success("userinfo", null, RequestIds.of(request));
            return SessionBodies.ok(SessionBodies.userBody(outcome.user()));
        });
    }
}
