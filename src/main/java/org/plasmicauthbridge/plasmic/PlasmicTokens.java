package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the unsigned parts of a Plasmic user token. Only Plasmic can check the signature, but anyone
 * can read {@code exp}; the bridge uses that to tell a bad token from an outage without calling Plasmic.
 */
public final class PlasmicTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (token == null || token.length() > maxChars) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int secondDot = token.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || !isCompactJws(token, firstDot, secondDot)) {
            return Optional.empty();
        }
        try {
            JsonNode header = decode(token.substring(0, firstDot));
            JsonNode payload = decode(token.substring(firstDot + 1, secondDot));
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

    /**
     * Checks that the token is three non-empty base64url parts separated by the two dots given. A loop
     * rather than a regular expression, because every verify request reads a token.
     */
    private static boolean isCompactJws(String token, int firstDot, int secondDot) {
        if (firstDot == 0 || secondDot == firstDot + 1 || secondDot == token.length() - 1) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url && !(c == '.' && (i == firstDot || i == secondDot))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode decode(String part) throws java.io.IOException {
        JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw new java.io.IOException("not a JSON object");
        }
        return node;
    }
}
