package org.plasmicauthbridge.assertion;

import java.util.Locale;
import java.util.Set;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** The JWS algorithms the bridge verifies, and which key fits which algorithm. */
final class Algorithms {

    static final Set<String> SUPPORTED = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "HS256", "HS384", "HS512");

    private Algorithms() {
    }

    static boolean isHmac(String alg) {
        return alg.startsWith("HS");
    }

    static boolean isNone(String alg) {
        return alg.toLowerCase(Locale.ROOT).equals("none");
    }

    /** Whether the key's type, curve and size suit the algorithm; RSA keys under 2048 bits never do. */
    static boolean fits(JsonWebKey key, String alg) {
        if (alg.startsWith("RS") || alg.startsWith("PS")) {
            return key instanceof RsaJsonWebKey rsa && rsa.getRsaPublicKey().getModulus().bitLength() >= 2048;
        }
        if (alg.startsWith("ES")) {
            return key instanceof EllipticCurveJsonWebKey ec && curveFor(alg).equals(ec.getCurveName());
        }
        if (isHmac(alg)) {
            return key instanceof OctetSequenceJsonWebKey;
        }
        return false;
    }

    private static String curveFor(String alg) {
        return switch (alg) {
            case "ES256" -> "P-256";
            case "ES384" -> "P-384";
            default -> "P-521";
        };
    }
}
