package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.PublicKey;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasmicauthbridge.testing.TestKeys;

/** RS and ES verification through the chosen providers: same keys, same verdicts as the JDK. */
class SignatureProvidersTest {

    private static final PublicKey EC_PUBLIC = PemKeys.parsePublicKey(TestKeys.resource("keys/ec-p256-public.pem"));
    private static final PublicKey RSA_PUBLIC = TestKeys.rsaPublicKey("rsa-1");

    /** Both choices: the native provider (where it loads) and the JDK with BouncyCastle. */
    static Stream<SignatureProviders> choices() {
        return Stream.of(SignatureProviders.choose(true), SignatureProviders.choose(false));
    }

    private static PublicKey converted(SignatureProviders providers, PublicKey key) throws Exception {
        return (PublicKey) providers.forVerification(PublicJsonWebKey.Factory.newPublicJwk(key)).getKey();
    }

    private static String sign(String alg, String privateKey, String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        jws.setPayload(payload);
        jws.setKey(TestKeys.privateKey(privateKey));
        return jws.getCompactSerialization();
    }

    private static boolean verifies(SignatureProviders providers, String compact, PublicKey key) throws Exception {
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
        jws.setProviderContext(providers.contextFor(jws.getAlgorithmHeaderValue()));
        jws.setKey(key);
        return jws.verifySignature();
    }

    /** Flips one bit in the first byte of the signature. */
    private static String tampered(String compact) {
        int start = compact.lastIndexOf('.') + 1;
        char first = compact.charAt(start);
        char flipped = first == 'A' ? 'B' : 'A';
        return compact.substring(0, start) + flipped + compact.substring(start + 1);
    }

    @Test
    void nativeChosenOnLinuxX64() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

        assertThat(SignatureProviders.choose(true).description()).startsWith("Amazon Corretto Crypto Provider");
    }

    @Test
    void javaChoiceUsesBouncyCastleForEc() throws Exception {
        SignatureProviders java = SignatureProviders.choose(false);

        assertThat(converted(java, EC_PUBLIC).getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(converted(java, RSA_PUBLIC)).isSameAs(RSA_PUBLIC);
    }

    @ParameterizedTest
    @MethodSource("choices")
    void convertedKeysEncodeSameKey(SignatureProviders providers) throws Exception {
        assertThat(converted(providers, EC_PUBLIC).getEncoded()).isEqualTo(EC_PUBLIC.getEncoded());
        assertThat(converted(providers, RSA_PUBLIC).getEncoded()).isEqualTo(RSA_PUBLIC.getEncoded());
    }

    @ParameterizedTest
    @MethodSource("choices")
    void convertedKeyKeepsKid(SignatureProviders providers) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(EC_PUBLIC);
        jwk.setKeyId("ec-1");

        assertThat(providers.forVerification(jwk).getKeyId()).isEqualTo("ec-1");
    }

    @ParameterizedTest
    @MethodSource("choices")
    void es256Verifies(SignatureProviders providers) throws Exception {
        assertThat(verifies(providers, sign("ES256", "ec-p256", "{\"sub\":\"u1\"}"), converted(providers, EC_PUBLIC))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void tamperedEs256Rejected(SignatureProviders providers) throws Exception {
        String compact = tampered(sign("ES256", "ec-p256", "{\"sub\":\"u1\"}"));

        assertThat(verifies(providers, compact, converted(providers, EC_PUBLIC))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void otherEcKeyRejected(SignatureProviders providers) throws Exception {
        PublicJsonWebKey other = EcJwkGenerator.generateJwk(EllipticCurves.P256);

        assertThat(verifies(providers, sign("ES256", "ec-p256", "{\"sub\":\"u1\"}"), converted(providers, other.getPublicKey())))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void rs256Verifies(SignatureProviders providers) throws Exception {
        assertThat(verifies(providers, sign("RS256", "rsa-1", "{\"sub\":\"u1\"}"), converted(providers, RSA_PUBLIC))).isTrue();
    }

    /** PS signatures stay with the JDK, which must accept the key converted for RS. */
    @ParameterizedTest
    @MethodSource("choices")
    void ps256VerifiesWithConvertedKey(SignatureProviders providers) throws Exception {
        assertThat(verifies(providers, sign("PS256", "rsa-1", "{\"sub\":\"u1\"}"), converted(providers, RSA_PUBLIC))).isTrue();
        assertThat(verifies(providers, tampered(sign("PS256", "rsa-1", "{\"sub\":\"u1\"}")), converted(providers, RSA_PUBLIC)))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void tamperedRs256Rejected(SignatureProviders providers) throws Exception {
        String compact = tampered(sign("RS256", "rsa-1", "{\"sub\":\"u1\"}"));

        assertThat(verifies(providers, compact, converted(providers, RSA_PUBLIC))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void otherRsaKeyRejected(SignatureProviders providers) throws Exception {
        String compact = sign("RS256", "rsa-other", "{\"sub\":\"u1\"}");

        assertThat(verifies(providers, compact, converted(providers, RSA_PUBLIC))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("choices")
    void jwksMembersVerify(SignatureProviders providers) throws Exception {
        Map<String, Object> ec = JsonUtil.parseJson(
                PublicJsonWebKey.Factory.newPublicJwk(EC_PUBLIC).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        Map<String, Object> rsa = JsonUtil.parseJson(
                PublicJsonWebKey.Factory.newPublicJwk(RSA_PUBLIC).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));

        assertThat(verifies(providers, sign("ES256", "ec-p256", "{}"), (PublicKey) providers.jwk(ec).getKey())).isTrue();
        assertThat(verifies(providers, sign("RS256", "rsa-1", "{}"), (PublicKey) providers.jwk(rsa).getKey())).isTrue();
    }
}
