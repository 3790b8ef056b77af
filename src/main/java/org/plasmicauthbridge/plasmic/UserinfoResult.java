package org.plasmicauthbridge.plasmic;

/**
 * Plasmic's response for a user token: the user, or {@code null} when Plasmic returned {@code 200 {}}
 * because the user was deleted or has no role any more.
 */
public record UserinfoResult(PlasmicUser user) {

    public boolean loggedIn() {
        return user != null;
    }
}
