package org.plasmicauthbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;

class SessionBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns a user whose members need escaping and more than one byte per character in UTF-8. */
    private static ObjectNode user() {
        ObjectNode user = JSON.createObjectNode();
        user.put("email", "zoë@example.com");
        user.put("name", "Ada \"the first\" Lovelace\n");
        user.putObject("customProperties").put("team", "東京").putArray("tags").add("a\\b");
        user.put("isLoggedIn", true);
        return user;
    }

    @Test
    void sessionBodyEmbedsUserUnchanged() throws IOException {
        Instant expiry = Instant.ofEpochSecond(2_000_000_000L);
        PlasmicSession session = new PlasmicSession(new PlasmicUser(user()), "tok\"en", expiry);

        byte[] body = SessionBodies.object(out -> {
            SessionBodies.writeSession(out, session);
            out.writeStringField("app", "main");
        });
        JsonNode parsed = JSON.readTree(body);

        assertThat(parsed.get("user")).isEqualTo(user());
        assertThat(parsed.get("token").asText()).isEqualTo("tok\"en");
        assertThat(parsed.get("expiresAt").asText()).isEqualTo("2033-05-18T03:33:20Z");
        assertThat(parsed.get("app").asText()).isEqualTo("main");
        assertThat(parsed.size()).isEqualTo(4);
    }

    @Test
    void userBodyIsUtf8Json() throws IOException {
        byte[] body = SessionBodies.userBody(new PlasmicUser(user()));

        assertThat(JSON.readTree(new String(body, StandardCharsets.UTF_8))).isEqualTo(user());
    }

    @Test
    void okMarksBodyNoStore() {
        var response = SessionBodies.ok(new byte[] {'{', '}'});

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
        assertThat(response.getHeaderString("Content-Type")).isEqualTo("application/json");
    }
}
