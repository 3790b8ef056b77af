package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Error bodies in Plasmic's own shape, {@code {"error": {"name", "statusCode", "message"}}}, for the
 * Plasmic-compatible userinfo endpoint, so that Plasmic's official clients read them as they would
 * read Plasmic's.
 */
final class PlasmicErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlasmicErrors() {
    }

    static Response of(int status, String name, String message, Integer retryAfter) {
        ObjectNode error = JSON.createObjectNode();
        error.put("name", name);
        error.put("statusCode", status);
        error.put("message", message);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Access-Control-Allow-Origin", "*")
                .entity(body.toString());
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    static Response noToken() {
        return of(403, "ForbiddenError", "No token provided", null);
    }

    static Response forCode(ErrorCode code, Integer retryAfter) {
        return switch (code) {
            case INVALID_TOKEN -> of(401, "UnauthorizedError", "Invalid token", null);
            case UPSTREAM_UNAVAILABLE, STORE_UNAVAILABLE -> of(503, "ServiceUnavailableError",
                    "Service unavailable", retryAfter == null ? 2 : retryAfter);
            case UPSTREAM_MISCONFIGURED -> of(502, "BadGatewayError", "Bad gateway", null);
            case PAYLOAD_TOO_LARGE -> of(413, "PayloadTooLargeError", "Payload too large", null);
            default -> of(code.status() >= 500 ? 500 : 400, "Error", code.title(), null);
        };
    }
}
