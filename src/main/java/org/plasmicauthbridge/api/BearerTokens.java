package org.plasmicauthbridge.api;

import java.util.Locale;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/** Reads {@code Authorization: Bearer} credentials (RFC 6750 section 2.1). */
final class BearerTokens {

    private BearerTokens() {
    }

    /** Returns the token, null when there is no Authorization header, or rejects another scheme. */
    static String read(String authorization, ErrorCode whenMalformed) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.strip();
        if (trimmed.length() < 8 || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new BridgeException(whenMalformed, "The Authorization header must use the Bearer scheme");
        }
        String token = trimmed.substring(7).strip();
        if (token.isEmpty()) {
            throw new BridgeException(whenMalformed, "The Authorization header has no token");
        }
        return token;
    }
}
