package org.plasmicauthbridge.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jboss.resteasy.reactive.RestResponse;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;

/**
 * Success bodies that carry Plasmic users and tokens; every one is sent with {@code no-store}.
 *
 * <p>The busiest endpoints (assertions, verify, userinfo) write their bodies as UTF-8 bytes with a
 * streaming generator, embed the user's JSON text as {@link PlasmicUser} keeps it, and return
 * {@code RestResponse<byte[]>}. Because that entity type is known at build time, Quarkus REST picks the
 * body writer once at build time instead of on every request.
 */
final class SessionBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonFactory FACTORY = JSON.getFactory();

    /** Writes the members of one JSON object. */
    @FunctionalInterface
    interface Members {
        void write(JsonGenerator out) throws IOException;
    }

    private SessionBodies() {
    }

    /** Returns a JSON object with the given members as UTF-8 bytes. */
    static byte[] object(Members members) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            members.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code user}, {@code token} and {@code expiresAt}, the members of every session response. */
    static void writeSession(JsonGenerator out, PlasmicSession session) throws IOException {
        writeUser(out, session.user());
        out.writeStringField("token", session.token());
        out.writeStringField("expiresAt", rfc3339(session.expiresAt()));
    }

    /** Writes the member {@code user} with the user's JSON text as it is. */
    static void writeUser(JsonGenerator out, PlasmicUser user) throws IOException {
        out.writeFieldName("user");
        out.writeRawValue(user.text());
    }

    /** Returns the user alone as UTF-8 bytes, the body of the userinfo endpoints. */
    static byte[] userBody(PlasmicUser user) {
        return user.text().getBytes(StandardCharsets.UTF_8);
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static RestResponse<byte[]> ok(byte[] body) {
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** Returns the same response for endpoints that build the body as a tree and also return other responses. */
    static Response ok(ObjectNode body) {
        return ok(body.toString().getBytes(StandardCharsets.UTF_8)).toResponse();
    }
}
