package org.plasmicauthbridge.testing;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.keys.HmacKey;

/**
 * Builds signed test assertions. Each builder starts valid for one issuer of {@link BridgeTestResource};
 * a negative test changes exactly one thing.
 */
public final class TestAssertions {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> extraHeaders = new LinkedHashMap<>();
    private String alg;
    private String kid;
    private Key key;

    private TestAssertions() {
    }

    /** A valid assertion of the JWKS issuer {@code rsa}, signed with key {@code rsa-1}. */
    public static TestAssertions rsa() {
        return base(BridgeTestResource.RSA_ISSUER).signedWith("RS256", TestKeys.privateKey("rsa-1"), "rsa-1")
                .claim("email", "jane@example.com").claim("email_verified", true);
    }

    /** A valid assertion of the PEM issuer {@code ec} (ES256, external id, single use). */
    public static TestAssertions ec() {
        return base(BridgeTestResource.EC_ISSUER).signedWith("ES256", TestKeys.privateKey("ec-p256"), null)
                .claim("jti", UUID.randomUUID().toString());
    }

    /** A valid assertion of the HMAC issuer {@code hmac} (HS256, e-mail without verification). */
    public static TestAssertions hmac() {
        return base(BridgeTestResource.HMAC_ISSUER)
                .signedWith("HS256", new HmacKey(BridgeTestResource.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)), null)
                .claim("email", "sam@example.com");
    }

    private static TestAssertions base(String issuer) {
        long now = Instant.now().getEpochSecond();
        TestAssertions builder = new TestAssertions();
        builder.claims.put("iss", issuer);
        builder.claims.put("aud", BridgeTestResource.AUDIENCE);
        builder.claims.put("sub", "user-" + UUID.randomUUID());
        builder.claims.put("iat", now);
        builder.claims.put("exp", now + 300);
        return builder;
    }

    public TestAssertions claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TestAssertions without(String name) {
        claims.remove(name);
        return this;
    }

    public TestAssertions header(String name, Object value) {
        extraHeaders.put(name, value);
        return this;
    }

    public TestAssertions signedWith(String algorithm, Key signingKey, String keyId) {
        this.alg = algorithm;
        this.key = signingKey;
        this.kid = keyId;
        return this;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    public String sign() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        extraHeaders.forEach(jws::setHeader);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test assertion", e);
        }
    }

    /** Returns a compact JWS with the given header and payload JSON and an empty signature. */
    public static String unsigned(String headerJson, Map<String, Object> claims) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
