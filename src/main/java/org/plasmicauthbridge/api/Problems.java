package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.plasmicauthbridge.error.ErrorCode;

/** RFC 9457 problem details, the one shape of every error response of the v1 API. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static ObjectNode body(ErrorCode code, String detail, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "urn:plasmic-auth-bridge:problem:" + code.code());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.code());
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    static Response response(ErrorCode code, String detail, String requestId, Integer retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body(code, detail, requestId).toString());
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", retryAfterSeconds);
        }
        if (code == ErrorCode.INVALID_TOKEN) {
            builder.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return builder.build();
    }
}
