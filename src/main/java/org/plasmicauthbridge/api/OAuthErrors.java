package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Token endpoint errors as RFC 6749 section 5.2 defines them ({@code error}, {@code error_description}),
 * with the bridge's own {@code code} added so that clients can tell the narrower reasons apart.
 */
final class OAuthErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthErrors() {
    }

    static Response forCode(ErrorCode code, String detail, Integer retryAfter) {
        String error;
        int status = 400;
        if (code.isAssertionRejection() || code.status() == 403) {
            error = "invalid_grant";
        } else if (code == ErrorCode.UNKNOWN_APP) {
            error = "invalid_target";
        } else if (code.status() == 503) {
            error = "temporarily_unavailable";
            status = 503;
        } else if (code.status() >= 500) {
            error = "server_error";
            status = code.status();
        } else {
            error = "invalid_request";
            status = code == ErrorCode.PAYLOAD_TOO_LARGE ? 413 : 400;
        }
        return of(status, error, detail, code.code(), retryAfter);
    }

    static Response of(int status, String error, String description, String code, Integer retryAfter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        body.put("code", code);
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(body.toString());
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
