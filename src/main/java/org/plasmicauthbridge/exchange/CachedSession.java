package org.plasmicauthbridge.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;

/** The store's JSON form of a {@link PlasmicSession}. */
final class CachedSession implements ReadThroughCache.Codec<PlasmicSession> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String write(PlasmicSession session) {
        ObjectNode node = JSON.createObjectNode();
        node.put("token", session.token());
        node.put("expiresAt", session.expiresAt().getEpochSecond());
        node.putRawValue("user", session.user().raw());
        return node.toString();
    }

    @Override
    public PlasmicSession read(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            return new PlasmicSession(new PlasmicUser((ObjectNode) node.get("user")), node.get("token").asText(),
                    Instant.ofEpochSecond(node.get("expiresAt").asLong()));
        } catch (Exception e) {
            return null;
        }
    }
}
