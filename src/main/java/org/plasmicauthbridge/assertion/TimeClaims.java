package org.plasmicauthbridge.assertion;

import org.jose4j.jwt.JwtClaims;
import org.plasmicauthbridge.error.ErrorCode;

/** The time claims of an assertion (RFC 7519 sections 4.1.4 to 4.1.6), in epoch seconds. */
record TimeClaims(long exp, Long nbf, Long iat) {

    static TimeClaims read(JwtClaims claims) {
        return new TimeClaims(required(claims, "exp"), optional(claims, "nbf"), optional(claims, "iat"));
    }

    /** Checks validity at {@code now}: {@code exp} required, nothing in the future beyond the skew. */
    void check(long now, long skew, long maxLifetime) {
        if (exp + skew <= now) {
            throw AssertionVerifier.reject(ErrorCode.ASSERTION_EXPIRED, "The assertion has expired");
        }
        if (nbf != null && nbf > now + skew) {
            throw AssertionVerifier.reject(ErrorCode.ASSERTION_NOT_YET_VALID, "The assertion's nbf is in the future");
        }
        if (iat != null && iat > now + skew) {
            throw AssertionVerifier.reject(ErrorCode.ASSERTION_NOT_YET_VALID, "The assertion's iat is in the future");
        }
        if (iat != null && iat > exp) {
            throw AssertionVerifier.reject(ErrorCode.INVALID_ASSERTION, "The assertion's iat is after its exp");
        }
        long lifetime = exp - (iat != null ? iat : now);
        if (lifetime > maxLifetime) {
            throw AssertionVerifier.reject(ErrorCode.ASSERTION_LIFETIME_TOO_LONG,
                    "The assertion's lifetime exceeds the issuer's max-lifetime of " + maxLifetime + " s");
        }
    }

    private static long required(JwtClaims claims, String name) {
        Long value = optional(claims, name);
        if (value == null) {
            throw AssertionVerifier.reject(ErrorCode.INVALID_ASSERTION, "The assertion has no " + name + " claim");
        }
        return value;
    }

    private static Long optional(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw AssertionVerifier.reject(ErrorCode.INVALID_ASSERTION, "The " + name + " claim is not a number");
    }
}
