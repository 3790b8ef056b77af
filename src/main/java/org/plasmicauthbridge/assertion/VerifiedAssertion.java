package org.plasmicauthbridge.assertion;

import java.time.Instant;
import java.util.Map;

/** An assertion whose signature and time claims passed, with its claims. Printing shows no claim. */
public record VerifiedAssertion(TrustedIssuer issuer, Map<String, Object> claims, String jti, Instant expiresAt) {

    @Override
    public String toString() {
        return "VerifiedAssertion[issuer=" + issuer.name() + ", claims=" + claims.size() + ", jti="
                + (jti == null ? "absent" : "present") + "]";
    }
}
