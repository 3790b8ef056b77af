package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Plasmic app user exactly as Plasmic sent it. The JSON is passed through whole, because frontends
 * read fields such as {@code isLoggedIn} and {@code customProperties} that typed clients omit.
 */
public record PlasmicUser(ObjectNode json) {

    public String email() {
        return text("email");
    }

    public String externalId() {
        return text("externalId");
    }

    public String roleId() {
        return text("roleId");
    }

    private String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "PlasmicUser[roleId=" + roleId() + ", fields=" + json.size() + "]";
    }
}
