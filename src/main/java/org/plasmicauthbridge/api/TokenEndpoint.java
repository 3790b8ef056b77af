package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.exchange.AssertionExchange;
import org.plasmicauthbridge.exchange.ExchangeResult;

/**
 * {@code POST /v1/token}: the OAuth 2.0 token endpoint form of the assertion exchange, for clients that
 * speak RFC 8693 token exchange or the RFC 7523 JWT bearer grant. The issued token is the Plasmic user
 * token, whose type RFC 8693 section 2.2.1 allows to report as {@code token_type: N_A}.
 */
@Path("/v1/token")
public class TokenEndpoint {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    private static final Set<String> SUBJECT_TOKEN_TYPES = Set.of(JWT_TYPE,
            "urn:ietf:params:oauth:token-type:id_token", "urn:ietf:params:oauth:token-type:access_token");

    @Inject
    AssertionExchange exchange;

    @Inject
    AuthEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "The Plasmic user token and user"),
        @APIResponse(responseCode = "400", description = "OAuth error, such as invalid_grant"),
        @APIResponse(responseCode = "413", description = "Body too large"),
        @APIResponse(responseCode = "415", description = "Body not form-encoded"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "App secret or Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic, JWKS or store unavailable")
    })
    public Uni<Response> token(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        return Uni.createFrom().deferred(() -> {
            String grantType = single(form, "grant_type", true);
            String app = single(form, "audience", false);
            String assertion;
            if (TOKEN_EXCHANGE.equals(grantType)) {
                assertion = single(form, "subject_token", true);
                String type = single(form, "subject_token_type", true);
                if (!SUBJECT_TOKEN_TYPES.contains(type)) {
                    throw new BridgeException(ErrorCode.INVALID_REQUEST, "subject_token_type must be one of " + SUBJECT_TOKEN_TYPES);
                }
                String requested = single(form, "requested_token_type", false);
                if (requested != null && !JWT_TYPE.equals(requested)) {
                    throw new BridgeException(ErrorCode.INVALID_REQUEST, "requested_token_type must be " + JWT_TYPE);
                }
            } else if (JWT_BEARER.equals(grantType)) {
                assertion = single(form, "assertion", true);
            } else {
                events.failure("token", null, "unsupported_grant_type", RequestIds.of(request));
                return Uni.createFrom().item(OAuthErrors.of(400, "unsupported_grant_type",
                        "grant_type must be " + TOKEN_EXCHANGE + " or " + JWT_BEARER, "invalid_request", null));
            }
            return exchange.exchange(assertion, app).map(result -> success(result, request));
        });
    }

    private Response success(ExchangeResult result, HttpServerRequest request) {
        events.success("token", result.issuer(), RequestIds.of(request));
        ObjectNode body = SessionBodies.JSON.createObjectNode();
        body.put("access_token", result.session().token());
        body.put("issued_token_type", JWT_TYPE);
        body.put("token_type", "N_A");
        body.put("expires_in", Math.max(0, Duration.between(Instant.now(), result.session().expiresAt()).toSeconds()));
        body.putRawValue("plasmic_user", result.session().user().raw());
        return SessionBodies.ok(body);
    }

    /** Returns the parameter, rejecting one sent twice (RFC 6749 section 3.2) or a missing required one. */
    private static String single(MultivaluedMap<String, String> form, String name, boolean required) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            if (required) {
                throw new BridgeException(ErrorCode.INVALID_REQUEST, "The parameter " + name + " is missing");
            }
            return null;
        }
        if (values.size() > 1) {
            throw new BridgeException(ErrorCode.INVALID_REQUEST, "The parameter " + name + " is repeated");
        }
        return values.get(0);
    }
}
