package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * A Plasmic app user exactly as Plasmic sent it. The JSON is passed through whole, because frontends
 * read fields such as {@code isLoggedIn} and {@code customProperties} that typed clients omit.
 *
 * <p>The bridge never reads a member of the user. It only copies the user into responses and the
 * store, far more often than it reads one from Plasmic or the store. So the user is kept as its
 * compact JSON text, made once here, and responses embed that text unchanged. In the caches the text
 * also takes a fraction of the memory of a JSON tree.
 */
public final class PlasmicUser {

    private final String text;

    public PlasmicUser(ObjectNode json) {
        this.text = json.toString();
    }

    /** Returns the user's compact JSON text, to embed with {@code JsonGenerator.writeRawValue}. */
    public String text() {
        return text;
    }

    /** Returns the user's JSON text as a value for {@code ObjectNode.putRawValue}. */
    public RawValue raw() {
        return new RawValue(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlasmicUser user && text.equals(user.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "PlasmicUser[" + text.length() + " characters]";
    }
}
