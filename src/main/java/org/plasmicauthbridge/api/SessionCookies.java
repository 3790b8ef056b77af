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

    static String clear(BridgeConfig config) {
        return name(config) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (config.session().insecureCookie() ? "" : "; Secure");
    }
}
