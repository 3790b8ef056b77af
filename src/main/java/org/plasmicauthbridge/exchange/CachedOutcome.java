package org.plasmicauthbridge.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.plasmicauthbridge.exchange.TokenVerification.Checked;
import org.plasmicauthbridge.exchange.TokenVerification.Outcome;
import org.plasmicauthbridge.plasmic.PlasmicUser;

/**
 * The store's JSON form of a verify outcome: {@code until} (epoch milliseconds), and for an active
 * token its {@code exp} (epoch seconds) and Plasmic's {@code user}.
 */
final class CachedOutcome implements ReadThroughCache.Codec<Checked> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String write(Checked checked) {
        ObjectNode node = JSON.createObjectNode();
        node.put("until", checked.until().toEpochMilli());
        Outcome outcome = checked.outcome();
        if (outcome.active()) {
            node.put("exp", outcome.expiresAt().getEpochSecond());
            node.putRawValue("user", outcome.user().raw());
        }
        return node.toString();
    }

    @Override
    public Checked read(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            Instant until = Instant.ofEpochMilli(node.get("until").longValue());
            JsonNode user = node.get("user");
            if (user == null) {
                return new Checked(Outcome.INACTIVE, until);
            }
            Instant expiresAt = Instant.ofEpochSecond(node.get("exp").longValue());
            return new Checked(new Outcome(new PlasmicUser((ObjectNode) user), expiresAt), until);
        } catch (Exception e) {
            return null;
        }
    }
}
