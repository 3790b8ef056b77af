package org.plasmicauthbridge.login;

import java.util.Map;
import org.plasmicauthbridge.plasmic.PlasmicSession;

/**
 * A completed sign-in at a provider: either verified claims to map to a Plasmic identity (OpenID
 * providers), or a Plasmic session that Plasmic's hosted login issued directly.
 */
record SignIn(Map<String, Object> claims, PlasmicSession plasmicSession, String idToken) {

    @Override
    public String toString() {
        return "SignIn[claims=" + (claims == null ? 0 : claims.size()) + ", plasmicSession="
                + (plasmicSession == null ? "absent" : "present") + "]";
    }
}
