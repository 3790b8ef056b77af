package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.login.LoginService;
import org.plasmicauthbridge.login.ReturnTo;

/** Browser sign-in: the redirect to a provider, its callback, the session and logout. */
@Path("/v1")
public class BrowserLoginResource {

    @Inject
    LoginService login;

    @Inject
    BridgeConfig config;

    @Inject
    AuthEvents events;

    @GET
    @Path("/login/{provider}")
    @APIResponses({
        @APIResponse(responseCode = "302", description = "Redirect to the provider"),
        @APIResponse(responseCode = "400", description = "return_to rejected and no default"),
        @APIResponse(responseCode = "404", description = "Unknown provider"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Provider discovery document unusable"),
        @APIResponse(responseCode = "503", description = "Provider discovery or store unavailable")
    })
    public Uni<Response> login(@PathParam("provider") String provider, @QueryParam("return_to") String returnTo,
            @Context HttpHeaders headers) {
        return login.start(provider, returnTo, SessionCookies.readLogin(headers, config))
                .map(start -> Response.status(302).location(start.location()).header("Cache-Control", "no-store")
                        .header("Set-Cookie", SessionCookies.setLogin(config, start.browserId()))
                        .build());
    }

    @GET
    @Path("/callback/{provider}")
    @Produces(MediaType.TEXT_HTML)
    @APIResponses({
        @APIResponse(responseCode = "302", description = "Back to return_to, with the cookie or an error"),
        @APIResponse(responseCode = "400", description = "Invalid state (HTML page)"),
        @APIResponse(responseCode = "404", description = "Unknown provider (HTML page)"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "503", description = "Store unavailable")
    })
    public Uni<Response> callback(@PathParam("provider") String provider, @QueryParam("code") String code,
            @QueryParam("state") String state, @QueryParam("error") String error, @QueryParam("iss") String iss,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        return login.callback(provider, code, state, error, iss, SessionCookies.readLogin(headers, config)).map(result -> {
            Response.ResponseBuilder redirect = Response.status(302).location(URI.create(result.location()))
                    .header("Cache-Control", "no-store");
            if (result.sessionId() != null) {
                events.success("callback", provider, requestId);
                redirect.header("Set-Cookie", SessionCookies.set(config, result.sessionId(), config.session().absoluteTimeout()));
            } else {
                events.failure("callback", provider, result.error(), requestId);
            }
            return redirect.build();
        }).onFailure().recoverWithItem(failure -> {
            ErrorCode reason = ErrorPages.codeOf(failure);
            events.failure("callback", provider, reason, requestId);
            return ErrorPages.of(reason, requestId);
        });
    }

    @GET
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "The user and token, or null for both"),
        @APIResponse(responseCode = "400", description = "Accept header excludes JSON"),
        @APIResponse(responseCode = "403", description = "Plasmic rejected the user at token refresh"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Plasmic host misconfigured"),
        @APIResponse(responseCode = "503", description = "Plasmic or store unavailable")
    })
    public Uni<Response> session(@Context HttpHeaders headers) {
        String sessionId = SessionCookies.read(headers, config);
        return login.session(sessionId).map(session -> {
            if (session != null) {
                return SessionBodies.ok(SessionBodies.object(out -> SessionBodies.writeSession(out, session.plasmic())))
                        .toResponse();
            }
            ObjectNode body = SessionBodies.JSON.createObjectNode();
            body.putNull("user");
            body.putNull("token");
            Response.ResponseBuilder answer = Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store");
            if (sessionId != null) {
                answer.header("Set-Cookie", SessionCookies.clear(config));
            }
            return answer.build();
        });
    }

    @POST
    @Path("/logout")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses({
        @APIResponse(responseCode = "200", description = "Session ended, with the provider's logout URL"),
        @APIResponse(responseCode = "204", description = "Session ended"),
        @APIResponse(responseCode = "400", description = "Accept header excludes JSON"),
        @APIResponse(responseCode = "403", description = "Origin not allowed"),
        @APIResponse(responseCode = "500", description = "Internal error"),
        @APIResponse(responseCode = "502", description = "Provider discovery document unusable"),
        @APIResponse(responseCode = "503", description = "Provider discovery or store unavailable")
    })
    public Uni<Response> logout(@Context HttpHeaders headers, @QueryParam("provider_logout") boolean providerLogout,
            @Context HttpServerRequest request) {
        String origin = headers.getHeaderString("Origin");
        if (origin != null && !originAllowed(origin)) {
            throw new BridgeException(ErrorCode.ORIGIN_NOT_ALLOWED, "Logout is accepted only from allowed origins");
        }
        return login.logout(SessionCookies.read(headers, config), providerLogout).map(logoutUrl -> {
            events.success("logout", null, RequestIds.of(request));
            Response.ResponseBuilder answer;
            if (logoutUrl != null) {
                ObjectNode body = SessionBodies.JSON.createObjectNode();
                body.put("logoutUrl", logoutUrl.toString());
                answer = Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE);
            } else {
                answer = Response.noContent();
            }
            return answer.header("Set-Cookie", SessionCookies.clear(config)).header("Cache-Control", "no-store").build();
        });
    }

    private boolean originAllowed(String origin) {
        String normalised = ReturnTo.normaliseOrigin(origin);
        List<String> allowed = config.allowedOrigins().orElse(List.of());
        boolean bridgeItself = config.publicUrl().map(ReturnTo::normaliseOrigin)
                .map(normalised::equals).orElse(false);
        return bridgeItself || allowed.stream().map(ReturnTo::normaliseOrigin).anyMatch(normalised::equals);
    }
}
