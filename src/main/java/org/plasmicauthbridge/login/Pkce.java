package org.plasmicauthbridge.login;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.plasmicauthbridge.crypto.Digests;

/** Random values for sign-in: state, nonce, PKCE verifiers (RFC 7636) and session ids. */
public final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {
    }

    /** Returns 32 random bytes, base64url-encoded without padding (43 characters). */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 challenge of RFC 7636 section 4.2: base64url of the verifier's SHA-256. */
    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    /** Plasmic's variant of S256, which compares the lower-case hex of the SHA-256. */
    static String plasmicS256(String verifier) {
        return HexFormat.of().formatHex(sha256(verifier));
    }

    private static byte[] sha256(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.US_ASCII));
    }
}
