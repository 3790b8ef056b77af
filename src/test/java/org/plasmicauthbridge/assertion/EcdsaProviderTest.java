package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.TestKeys;

/** ES256 verification through BouncyCastle: same keys, same verdicts as the JDK. */
class EcdsaProviderTest {

    private static final PublicKey EC_PUBLIC = PemKeys.parsePublicKey(TestKeys.resource("keys/ec-p256-public.pem"));

    private static PublicKey converted(PublicKey key) throws Exception {
        return (PublicKey) EcdsaProvider.forVerification(PublicJsonWebKey.Factory.newPublicJwk(key)).getKey();
    }

    private static String signEs256(String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue("ES256");
        jws.setPayload(payload);
        jws.setKey(TestKeys.privateKey("ec-p256"));
        return jws.getCompactSerialization();
    }

    private static boolean verifies(String compact, PublicKey key) throws Exception {
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
        EcdsaProvider.configure(jws, "ES256");
        jws.setKey(key);
        return jws.verifySignature();
    }

    /** Flips one bit in the first byte of the signature, which is part of r. */
    private static String tampered(String compact) {
        int start = compact.lastIndexOf('.') + 1;
        char first = compact.charAt(start);
        char flipped = first == 'A' ? 'B' : 'A';
        return compact.substring(0, start) + flipped + compact.substring(start + 1);
    }

    @Test
    void convertedKeyEncodesSamePoint() throws Exception {
        PublicKey converted = converted(EC_PUBLIC);

        assertThat(converted.getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(converted.getEncoded()).isEqualTo(EC_PUBLIC.getEncoded());
    }

    @Test
    void convertedKeyKeepsKid() throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(EC_PUBLIC);
        jwk.setKeyId("ec-1");

        assertThat(EcdsaProvider.forVerification(jwk).getKeyId()).isEqualTo("ec-1");
    }

    @Test
    void rsaKeyUnchanged() throws Exception {
        JsonWebKey rsa = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.rsaPublicKey("rsa-1"));

        assertThat(EcdsaProvider.forVerification(rsa)).isSameAs(rsa);
    }

    @Test
    void es256VerifiesWithConvertedKey() throws Exception {
        String compact = signEs256("{\"sub\":\"u1\"}");

        assertThat(verifies(compact, converted(EC_PUBLIC))).isTrue();
    }

    @Test
    void tamperedEs256Rejected() throws Exception {
        String compact = tampered(signEs256("{\"sub\":\"u1\"}"));

        assertThat(verifies(compact, converted(EC_PUBLIC))).isFalse();
    }

    @Test
    void otherKeyRejected() throws Exception {
        String compact = signEs256("{\"sub\":\"u1\"}");
        PublicJsonWebKey other = org.jose4j.jwk.EcJwkGenerator.generateJwk(org.jose4j.keys.EllipticCurves.P256);

        assertThat(verifies(compact, converted(other.getPublicKey()))).isFalse();
    }

    @Test
    void jwksEcMemberVerifies() throws Exception {
        String json = PublicJsonWebKey.Factory.newPublicJwk(EC_PUBLIC).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        Map<String, Object> member = JsonUtil.parseJson(json);

        JsonWebKey jwk = EcdsaProvider.jwk(member);

        assertThat(jwk.getKey().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(verifies(signEs256("{\"sub\":\"u1\"}"), (PublicKey) jwk.getKey())).isTrue();
    }
}
