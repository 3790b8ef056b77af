package org.plasmicauthbridge.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the bridge remembers between the redirect to the provider and the callback, stored under the
 * hash of the {@code state} value: one entry per sign-in, so several tabs can sign in at once. The
 * browser hash binds the sign-in to the browser that started it (RFC 6749 section 10.12).
 */
record LoginState(String provider, String nonce, String codeVerifier, String returnTo, String browserHash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String write() {
        ObjectNode node = JSON.createObjectNode();
        node.put("provider", provider);
        node.put("nonce", nonce);
        node.put("codeVerifier", codeVerifier);
        node.put("returnTo", returnTo);
        node.put("browserHash", browserHash);
        return node.toString();
    }

    static LoginState read(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            return new LoginState(node.get("provider").asText(), node.get("nonce").asText(),
                    node.get("codeVerifier").asText(), node.get("returnTo").asText(), node.get("browserHash").asText());
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "LoginState[provider=" + provider + "]";
    }
}
