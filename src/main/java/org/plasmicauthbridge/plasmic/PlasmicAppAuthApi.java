package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Plasmic's app-auth endpoints as a REST client. Every call returns the raw response, because Plasmic
 * returns errors with bodies that {@link PlasmicClient} maps to the bridge's outcomes by status and body.
 */
@Path("/api/v1/app-auth")
public interface PlasmicAppAuthApi {

    String SECRET_HEADER = "x-plasmic-app-auth-api-token";
    String USER_TOKEN_HEADER = "x-plasmic-data-user-auth-token";

    @POST
    @Path("/user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> ensureUser(@HeaderParam(SECRET_HEADER) String appSecret, ObjectNode body);

    @GET
    @Path("/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> userinfo(@HeaderParam(USER_TOKEN_HEADER) String userToken);

    @GET
    @Path("/token")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> exchangeCode(@QueryParam("grant_type") String grantType, @QueryParam("code") String code,
            @QueryParam("client_id") String projectId, @QueryParam("code_verifier") String codeVerifier);
}
