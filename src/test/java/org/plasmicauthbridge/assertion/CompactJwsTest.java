package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasmicauthbridge.testing.TestKeys;

/** Splitting and decoding a compact JWS before its signature is verified. */
class CompactJwsTest {

    private static final String PAYLOAD = "{\"iss\":\"svc\",\"sub\":\"u1\",\"name\":\"Zoë\"}";

    private static String part(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a JWS with the given header and the test payload, and a signature part that is not a real one. */
    private static String withHeader(String header) {
        return part(header) + "." + part(PAYLOAD) + ".c2ln";
    }

    @Test
    void agreesWithJose4j() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setPayload(PAYLOAD);
        jws.setKey(TestKeys.privateKey("rsa-1"));
        String compact = jws.getCompactSerialization();

        CompactJws parsed = CompactJws.parse(compact);

        assertThat(parsed.alg()).isEqualTo("RS256");
        assertThat(parsed.kid()).isEqualTo("rsa-1");
        assertThat(parsed.payload()).isEqualTo(PAYLOAD);
        assertThat(parsed.signingInput()).isEqualTo(jws.getHeaders().getEncodedHeader().concat(".")
                .concat(jws.getEncodedPayload()).getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.signature()).isEqualTo(Base64.getUrlDecoder().decode(compact.substring(compact.lastIndexOf('.') + 1)));
    }

    @Test
    void kidIsOptional() throws Exception {
        assertThat(CompactJws.parse(withHeader("{\"alg\":\"HS256\"}")).kid()).isNull();
    }

    @Test
    void keyMembersOfHeaderIgnored() throws Exception {
        CompactJws parsed = CompactJws.parse(withHeader("{\"alg\":\"RS256\",\"jku\":\"https://jwks.example\",\"typ\":\"JWT\"}"));

        assertThat(parsed.alg()).isEqualTo("RS256");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}",
        "{\"alg\":\"RS256\",\"b64\":false}",
        "{\"alg\":\"RS256\",\"alg\":\"HS256\"}",
        "{\"alg\":256}",
        "{\"kid\":\"k1\"}",
        "{\"alg\":\"RS256\",\"kid\":7}",
        "[\"RS256\"]",
        "{\"alg\":\"RS256\"} {}",
        "not json",
    })
    void badHeaderRejected(String header) {
        assertThatThrownBy(() -> CompactJws.parse(withHeader(header))).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "a.b.c.d", "a.b.c.d.e", ".b.c", "abc"})
    void wrongNumberOfPartsRejected(String compact) {
        assertThatThrownBy(() -> CompactJws.parse(compact)).isInstanceOf(IOException.class);
    }

    @Test
    void nonBase64urlPartRejected() {
        String compact = withHeader("{\"alg\":\"HS256\"}");
        String plusInSignature = compact.substring(0, compact.lastIndexOf('.') + 1) + "c2+n";

        assertThatThrownBy(() -> CompactJws.parse(plusInSignature)).isInstanceOf(IOException.class);
    }

    @Test
    void failureMessageQuotesNothing() {
        String secretish = "{\"alg\":\"RS256\",\"do-not-echo\"}";

        assertThatThrownBy(() -> CompactJws.parse(withHeader(secretish))).message().doesNotContain("do-not-echo");
    }
}
