package org.plasmicauthbridge.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The data that an authorization code carries, sealed into the code itself.
 *
 * @param id a random id that makes every code unique
 * @param clientId the project id the code was issued for
 * @param redirectUri the redirect URI the browser was sent to
 * @param codeChallenge the PKCE challenge: lower-case hex SHA-256 of the verifier
 * @param email the e-mail address of the user who signed in
 * @param expiresAtMillis the end of the code's life, in epoch milliseconds
 */
record CodeGrant(
        String id, String clientId, String redirectUri, String codeChallenge, String email, long expiresAtMillis) {

    JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("clientId", clientId)
                .put("redirectUri", redirectUri)
                .put("codeChallengeMethod", "S256")
                .put("codeChallenge", codeChallenge)
                .put("email", email)
                .put("expiration", expiresAtMillis);
    }

    /** Reads the data back, or returns empty when a field is missing or has the wrong type. */
    static Optional<CodeGrant> fromJson(JsonObject json) {
        try {
            String id = json.getString("id");
            Long expiration = json.getLong("expiration");
            String clientId = json.getString("clientId");
            String codeChallenge = json.getString("codeChallenge");
            String email = json.getString("email");
            if (id == null || expiration == null || clientId == null || codeChallenge == null || email == null) {
                return Optional.empty();
            }
            return Optional.of(new CodeGrant(
                    id, clientId, json.getString("redirectUri"), codeChallenge, email, expiration));
        } catch (ClassCastException e) {
            return Optional.empty();
        }
    }
}
