package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.plasmicauthbridge.exchange.AssertionExchange;

/** {@code POST /v1/assertions}: a signed assertion in, the Plasmic user and token out. */
@Path("/v1/assertions")
public class AssertionResource {

    @Inject
    AssertionExchange exchange;

    @Inject
    AuthEvents events;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "The Plasmic user and token",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))),
        @APIResponse(responseCode = "400", description = "Malformed request or unknown app"),
        @APIResponse(responseCode = "401", description = "Assertion rejected"),
        @APIResponse(responseCode = "403", description = "User may not sign in"),
        @APIResponse(responseCode = "413", description = "Body too large"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "App secret or Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic, JWKS or store unavailable")
    })
    public Uni<RestResponse<byte[]>> exchange(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        return Uni.createFrom().deferred(() -> {
            String bearer = BearerTokens.read(authorization, ErrorCode.INVALID_REQUEST);
            String assertion = bearer;
            String app = null;
            if (body != null && !body.isBlank()) {
                ObjectNode json = JsonBodies.object(body);
                String inBody = JsonBodies.optionalString(json, "assertion");
                app = JsonBodies.optionalString(json, "app");
                if (inBody != null && bearer != null) {
                    throw new BridgeException(ErrorCode.INVALID_REQUEST,
                            "Send the assertion either in the body or as a Bearer token, not both");
                }
                assertion = bearer != null ? bearer : inBody;
            }
            if (assertion == null) {
                throw new BridgeException(ErrorCode.INVALID_REQUEST,
                        "No assertion: send {\"assertion\": \"<JWS>\"} or Authorization: Bearer <JWS>");
            }
            return exchange.exchange(assertion, app);
        }).map(result -> {
            events.success("assertions", result.issuer(), RequestIds.of(request));
            return SessionBodies.ok(SessionBodies.object(out -> {
                SessionBodies.writeSession(out, result.session());
                out.writeStringField("app", result.app());
            }));
        });
    }
}
