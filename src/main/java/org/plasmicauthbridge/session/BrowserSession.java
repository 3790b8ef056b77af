package org.plasmicauthbridge.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.plasmicauthbridge.config.BridgeConfig.IdentityKind;
import org.plasmicauthbridge.identity.Identity;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;

/**
 * A signed-in browser: its app and provider, the Plasmic identity to refresh the token with (null for
 * Plasmic's hosted login, whose tokens cannot be refreshed), the current Plasmic session, and the ID
 * token for RP-initiated logout. Printing it shows no token or identifier.
 */
public record BrowserSession(String app, String provider, Identity identity, PlasmicSession plasmic, String idToken,
        Instant createdAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BrowserSession withPlasmic(PlasmicSession fresh) {
        return new BrowserSession(app, provider, identity, fresh, idToken, createdAt);
    }

    String write() {
        ObjectNode node = JSON.createObjectNode();
        node.put("app", app);
        node.put("provider", provider);
        if (identity != null) {
            node.put("kind", identity.kind().name());
            node.put("value", identity.value());
            node.put("role", identity.roleId());
        }
        node.put("token", plasmic.token());
        node.put("expiresAt", plasmic.expiresAt().getEpochSecond());
        node.putRawValue("user", plasmic.user().raw());
        node.put("idToken", idToken);
        node.put("createdAt", createdAt.getEpochSecond());
        return node.toString();
    }

    static BrowserSession read(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            Identity identity = node.hasNonNull("kind") ? new Identity(IdentityKind.valueOf(node.get("kind").asText()),
                    node.get("value").asText(), node.hasNonNull("role") ? node.get("role").asText() : null) : null;
            PlasmicSession plasmic = new PlasmicSession(new PlasmicUser((ObjectNode) node.get("user")),
                    node.get("token").asText(), Instant.ofEpochSecond(node.get("expiresAt").asLong()));
            return new BrowserSession(node.get("app").asText(), node.get("provider").asText(), identity, plasmic,
                    node.hasNonNull("idToken") ? node.get("idToken").asText() : null,
                    Instant.ofEpochSecond(node.get("createdAt").asLong()));
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BrowserSession[app=" + app + ", provider=" + provider + ", plasmic=" + plasmic + "]";
    }
}
