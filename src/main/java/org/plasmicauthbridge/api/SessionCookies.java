package org.plasmicauthbridge.api;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import org.plasmicauthbridge.config.BridgeConfig;

/**
 * The session cookie: HttpOnly and SameSite=Lax always; Secure with the {@code __Host-} prefix (which
 * browsers accept only from a secure origin, with Path=/ and no Domain) unless insecure cookies are
 * configured for plain {@code http://localhost}.
 */
final class SessionCookies {

    static final String SECURE_NAME = "__Host-pab_session";
    static final String INSECURE_NAME = "pab_session";
    static final String SECURE_LOGIN_NAME = "__Host-pab_login";
    static final String INSECURE_LOGIN_NAME = "pab_login";

    private SessionCookies() {
    }

    static String name(BridgeConfig config) {
        return config.session().insecureCookie() ? INSECURE_NAME : SECURE_NAME;
    }

    static String read(HttpHeaders headers, BridgeConfig config) {
        Cookie cookie = headers.getCookies().get(name(config));
        return cookie == null ? null : cookie.getValue();
    }

    static String set(BridgeConfig config, String sessionId, Duration maxAge) {
        return name(config) + "=" + sessionId + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (config.session().insecureCookie() ? "" : "; Secure");
    }

    /**
     * The login cookie: a random browser id that binds a sign-in to the browser that started it. It
     * lives as long as a sign-in may take, and SameSite=Lax still sends it on the provider's redirect.
     */
    static String loginName(BridgeConfig config) {
        return config.session().insecureCookie() ? INSECURE_LOGIN_NAME : SECURE_LOGIN_NAME;
    }

    static String readLogin(HttpHeaders headers, BridgeConfig config) {
        Cookie cookie = headers.getCookies().get(loginName(config));
        return cookie == null ? null : cookie.getValue();
    }

    static String setLogin(BridgeConfig config, String browserId) {
        return loginName(config) + "=" + browserId + "; Path=/; Max-Age=" + config.session().loginTimeout().toSeconds()
                + "; HttpOnly; SameSite=Lax" + (config.session().insecureCookie() ? "" : "; Secure");
    }

    static String clear(BridgeConfig config) {
        return name(config) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (config.session().insecureCookie() ? "" : "; Secure");
    }
}
