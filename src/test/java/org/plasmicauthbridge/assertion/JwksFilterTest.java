package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.TestKeys;

/** Which JWKS entries are kept for verifying signatures. */
class JwksFilterTest {

    private final JwksKeySource source = new JwksKeySource("test", URI.create("http://127.0.0.1:9/jwks"),
            Set.of("RS256", "ES256"), Duration.ofMinutes(10), Duration.ofSeconds(30), HttpClient::newHttpClient,
            Duration.ofSeconds(1), Clock.systemUTC());

    private static String withMember(String jwk, String member) {
        return jwk.substring(0, jwk.length() - 1) + "," + member + "}";
    }

    private List<String> keptKids(String... jwks) {
        List<JsonWebKey> keys = source.parse("{\"keys\":[" + String.join(",", jwks) + "]}");
        return keys.stream().map(JsonWebKey::getKeyId).toList();
    }

    @Test
    void plainPublicKeyKept() {
        assertThat(keptKids(TestKeys.rsaPublicJwk("rsa-1", "a"))).containsExactly("a");
    }

    @Test
    void privateMembersIgnored() throws Exception {
        RsaJsonWebKey full = RsaJwkGenerator.generateJwk(2048);
        full.setKeyId("private");
        String withPrivate = full.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        assertThat(keptKids(withPrivate, TestKeys.rsaPublicJwk("rsa-1", "a"))).containsExactly("a");
    }

    @Test
    void encryptionKeyIgnored() {
        String encryption = TestKeys.rsaPublicJwk("rsa-1", "enc").replace("\"use\":\"sig\"", "\"use\":\"enc\"");
        assertThat(keptKids(encryption)).isEmpty();
    }

    @Test
    void keyOpsWithoutVerifyIgnored() {
        assertThat(keptKids(withMember(TestKeys.rsaPublicJwk("rsa-1", "ops"), "\"key_ops\":[\"encrypt\"]"))).isEmpty();
        assertThat(keptKids(withMember(TestKeys.rsaPublicJwk("rsa-1", "ok"), "\"key_ops\":[\"verify\"]"))).containsExactly("ok");
    }

    @Test
    void algOutsideAllowListIgnored() {
        assertThat(keptKids(withMember(TestKeys.rsaPublicJwk("rsa-1", "ps"), "\"alg\":\"PS512\""))).isEmpty();
    }

    @Test
    void weakRsaKeyIgnored() throws Exception {
        RsaJsonWebKey weak = RsaJwkGenerator.generateJwk(1024);
        weak.setKeyId("weak");
        assertThat(keptKids(weak.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))).isEmpty();
    }

    @Test
    void repeatedKidKeepsFirstOnly() {
        List<JsonWebKey> keys = source.parse("{\"keys\":[" + TestKeys.rsaPublicJwk("rsa-1", "same") + ","
                + TestKeys.rsaPublicJwk("rsa-2", "same") + "]}");
        assertThat(keys).hasSize(1);
        assertThat(((RsaJsonWebKey) keys.get(0)).getRsaPublicKey()).isEqualTo(TestKeys.rsaPublicKey("rsa-1"));
    }

    @Test
    void symmetricKeyIgnored() {
        assertThat(keptKids("{\"kty\":\"oct\",\"kid\":\"k\",\"k\":\"c2VjcmV0\"}")).isEmpty();
    }
}
