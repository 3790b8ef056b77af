package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Plasmic app user exactly as Plasmic sent it. The JSON is passed through whole, because frontends
 * read fields such as {@code isLoggedIn} and {@code customProperties} that typed clients omit.
 *
 * <p>The bridge writes a user into responses far more often than it reads one from Plasmic or the
 * store, so the JSON text is made once, here, and responses embed it. The tree must therefore stay
 * unchanged after construction.
 */
public final class PlasmicUser {

    private final ObjectNode json;
    private final SerializedString text;

    public PlasmicUser(ObjectNode json) {
        this.json = json;
        this.text = new SerializedString(json.toString());
    }

    /** Returns the user's JSON tree, which callers read and never change. */
    public ObjectNode json() {
        return json;
    }

    /** Returns the user's JSON text for {@code JsonGenerator.writeRawValue}, which reuses its UTF-8 bytes. */
    public SerializableString text() {
        return text;
    }

    public String email() {
        return field("email");
    }

    public String externalId() {
        return field("externalId");
    }

    public String roleId() {
        return field("roleId");
    }

    private String field(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlasmicUser user && json.equals(user.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "PlasmicUser[roleId=" + roleId() + ", fields=" + json.size() + "]";
    }
}
