package org.plasmicauthbridge.emulator;

/**
 * A snapshot of an app user as the emulator stores it.
 *
 * @param id the {@code endUserId} claim of the user's tokens
 * @param email the e-mail address, or null
 * @param externalId the external id, or null
 * @param properties the JSON value of the last ensure call's {@code properties}: a Vert.x
 *     {@code JsonObject} (empty when the call sent none), or whatever other JSON value it sent
 */
public record EndUser(String id, String email, String externalId, Object properties) {

    /** Tells whether every identifier that {@code identity} gives equals this user's. */
    boolean matches(Identity identity) {
        boolean emailMatches = identity.email() == null || identity.email().equals(email);
        boolean externalIdMatches =
                identity.externalId() == null || identity.externalId().equals(externalId);
        return emailMatches && externalIdMatches;
    }

    EndUser withProperties(Object newProperties) {
        return new EndUser(id, email, externalId, newProperties);
    }
}
