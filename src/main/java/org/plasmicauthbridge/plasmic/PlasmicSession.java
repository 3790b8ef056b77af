package org.plasmicauthbridge.plasmic;

import java.time.Instant;

/** A Plasmic user with the user token Plasmic minted for it and the token's expiry. */
public record PlasmicSession(PlasmicUser user, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PlasmicSession[user=" + user + ", token=" + (token == null ? "absent" : "present")
                + ", expiresAt=" + expiresAt + "]";
    }
}
