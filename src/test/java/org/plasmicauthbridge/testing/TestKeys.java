package org.plasmicauthbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/** Fixed test key pairs from {@code src/test/resources/keys}; they sign nothing outside the tests. */
public final class TestKeys {

    private TestKeys() {
    }

    public static PrivateKey privateKey(String name) {
        String pem = resource("keys/" + name + ".pem");
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
        try {
            return KeyFactory.getInstance(name.startsWith("ec") ? "EC" : "RSA").generatePrivate(spec);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + name, e);
        }
    }

    /** The RSA public key of an RSA test key pair. */
    public static PublicKey rsaPublicKey(String name) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey(name);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK of an RSA test key pair, with the given {@code kid}. */
    public static String rsaPublicJwk(String name, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(rsaPublicKey(name));
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM text of a resource, such as the EC public key {@code keys/ec-p256-public.pem}. */
    public static String resource(String path) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
