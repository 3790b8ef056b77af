package org.plasmicauthbridge.emulator;

/**
 * The identifiers of an app user: an e-mail address, an external id, or both. Either may be null.
 * Test hooks use it to name the user or access rule they act on.
 */
public record Identity(String email, String externalId) {

    public Identity {
        if (email == null && externalId == null) {
            throw new IllegalArgumentException("An identity needs an email or an externalId");
        }
    }

    public static Identity email(String email) {
        return new Identity(email, null);
    }

    public static Identity externalId(String externalId) {
        return new Identity(null, externalId);
    }
}
