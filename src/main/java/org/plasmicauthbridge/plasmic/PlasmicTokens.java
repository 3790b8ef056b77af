package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the unsigned parts of a Plasmic user token. Only Plasmic can check the signature, but anyone
 * can read {@code exp}; the bridge uses that to tell a bad token from an outage without calling Plasmic.
 */
public final class PlasmicTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private PlasmicTokens() {
    }

    /** The claims of a well-formed Plasmic user token. */
    public record TokenClaims(String appId, String endUserId, Instant expiresAt) {
    }

    /**
     * Returns the claims when the token is a compact HS256 JWS whose payload has a string
     * {@code appId}, a string {@code endUserId} and a numeric {@code exp}; empty otherwise.
     */
    public static Optional<TokenClaims> read(String token, int maxChars) {
        if (token == null || token.length() > maxChars || !COMPACT_JWS.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        try {
            JsonNode header = decode(parts[0]);
            JsonNode payload = decode(parts[1]);
            if (!"HS256".equals(header.path("alg").asText(null))) {
                return Optional.empty();
            }
            JsonNode appId = payload.get("appId");
            JsonNode endUserId = payload.get("endUserId");
            JsonNode exp = payload.get("exp");
            if (appId == null || !appId.isTextual() || endUserId == null || !endUserId.isTextual()
                    || exp == null || !exp.isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(appId.asText(), endUserId.asText(),
                    Instant.ofEpochSecond(exp.asLong())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static JsonNode decode(String part) throws java.io.IOException {
        JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw new java.io.IOException("not a JSON object");
        }
        return node;
    }
}
