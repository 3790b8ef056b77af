package org.plasmicauthbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.plasmicauthbridge.plasmic.PlasmicSession;

/** Success bodies that carry Plasmic users and tokens; every one is sent with {@code no-store}. */
final class SessionBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private SessionBodies() {
    }

    static ObjectNode session(PlasmicSession session) {
        ObjectNode body = JSON.createObjectNode();
        body.set("user", session.user().json());
        body.put("token", session.token());
        body.put("expiresAt", rfc3339(session.expiresAt()));
        return body;
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static Response ok(Object body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
