package org.plasmicauthbridge.assertion;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Verifies ECDSA signatures (ES256, ES384, ES512) with BouncyCastle instead of the JDK's SunEC provider.
 * On OpenJDK 17.0.15, SunEC took about 1,030 µs to verify a P-256 signature, 30 times as long as an
 * RSA-2048 verification (34 µs). BouncyCastle 1.87 took 77 µs, but 200 µs when given a JDK key, which it
 * converts on every call. So EC keys are converted once, and only the signature verification of ES
 * algorithms goes to BouncyCastle. RSA and HMAC stay with the JDK's providers: BouncyCastle verified
 * RSA-2048 no faster. (A single-threaded loop on a 2-core AMD EPYC.)
 *
 * <p>BouncyCastle is registered on first use, at the end of the JVM's provider list, so that nothing
 * else prefers it to the JDK's providers; jose4j selects it by name. Registering it opens its signed jar
 * and takes about 0.2 s, which a bridge without EC keys never spends: only the {@link Registration}
 * class refers to BouncyCastle.
 */
final class EcdsaProvider {

    /** The name under which BouncyCastle registers itself ({@code BouncyCastleProvider.PROVIDER_NAME}). */
    static final String NAME = "BC";

    private EcdsaProvider() {
    }

    /** The provider context that selects BouncyCastle; creating it registers the provider once. */
    private static final class Registration {

        static final ProviderContext SIGNATURES = register();

        private static ProviderContext register() {
            if (Security.getProvider(NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            ProviderContext context = new ProviderContext();
            context.getSuppliedKeyProviderContext().setSignatureProvider(NAME);
            return context;
        }
    }

    /** Registers BouncyCastle now, so that a later verification does not wait for it. */
    static void register() {
        Objects.requireNonNull(Registration.SIGNATURES);
    }

    /** Lets BouncyCastle verify the signature when {@code alg} is an ES algorithm; other algorithms keep the JDK's providers. */
    static void configure(JsonWebSignature jws, String alg) {
        if (alg.startsWith("ES")) {
            jws.setProviderContext(Registration.SIGNATURES);
        }
    }

    /** Returns the JWK with an EC key converted to a BouncyCastle key of the same point and curve; any other JWK unchanged. */
    static JsonWebKey forVerification(JsonWebKey jwk) throws GeneralSecurityException, JoseException {
        if (!(jwk.getKey() instanceof ECPublicKey key)) {
            return jwk;
        }
        register();
        // From the X.509 encoding, so that the curve stays a named curve with BouncyCastle's fast arithmetic.
        PublicKey converted = KeyFactory.getInstance("EC", NAME).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        PublicJsonWebKey result = PublicJsonWebKey.Factory.newPublicJwk(converted);
        result.setKeyId(jwk.getKeyId());
        result.setAlgorithm(jwk.getAlgorithm());
        result.setUse(jwk.getUse());
        return result;
    }

    /** Reads a JWK from a JWKS document; an EC key becomes a BouncyCastle key. */
    static JsonWebKey jwk(Map<String, Object> member) throws JoseException {
        if ("EC".equals(member.get("kty"))) {
            register();
            return PublicJsonWebKey.Factory.newPublicJwk(member, NAME);
        }
        return JsonWebKey.Factory.newJwk(member);
    }
}
