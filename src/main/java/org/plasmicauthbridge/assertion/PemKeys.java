package org.plasmicauthbridge.assertion;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads PEM-encoded public keys ({@code -----BEGIN PUBLIC KEY-----}, RSA or EC). */
final class PemKeys {

    private PemKeys() {
    }

    static PublicKey parsePublicKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        if (body.isEmpty() || pem.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("expected a PEM block 'BEGIN PUBLIC KEY'");
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(body));
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (Exception e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("the PEM block is neither an RSA nor an EC public key");
    }
}
