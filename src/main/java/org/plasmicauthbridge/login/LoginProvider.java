package org.plasmicauthbridge.login;

import io.smallrye.mutiny.Uni;
import java.net.URI;
import org.plasmicauthbridge.config.BridgeConfig;

/** A configured sign-in provider: builds the authorization redirect and completes the callback. */
interface LoginProvider {

    String name();

    BridgeConfig.Provider config();

    /** Returns the URL to send the browser to, for this state, nonce and PKCE verifier. */
    Uni<URI> authorizationUrl(String state, String nonce, String codeVerifier, URI redirectUri);

    /** Exchanges the code and returns what the provider vouched for; fails with login_failed or similar. */
    Uni<SignIn> complete(String code, LoginState login, URI redirectUri);

    /**
     * Whether the {@code iss} parameter of an authorization response (RFC 9207) fits this provider;
     * an absent parameter is accepted, because many providers do not send it.
     */
    default boolean acceptsIssuer(String iss) {
        return iss == null;
    }

    /** Returns the provider's logout URL for RP-initiated logout, or null when it has none. */
    Uni<URI> logoutUrl(String idToken, String postLogoutRedirect);
}
