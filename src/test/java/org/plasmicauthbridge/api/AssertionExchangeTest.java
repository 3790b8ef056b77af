package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.plasmicauthbridge.api.ApiTestSupport.assertNothingOf;
import static org.plasmicauthbridge.api.ApiTestSupport.assertRejected;
import static org.plasmicauthbridge.api.ApiTestSupport.exchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasmicauthbridge.emulator.PlasmicEmulator;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.JwksServer;
import org.plasmicauthbridge.testing.LogCapture;
import org.plasmicauthbridge.testing.RedisTestResource;
import org.plasmicauthbridge.testing.TestAssertions;
import org.plasmicauthbridge.testing.TestKeys;

/**
 * {@code POST /v1/assertions} against the running bridge with a real Redis store, the emulator as
 * Plasmic and real signed assertions. Each negative case changes one thing from a valid assertion.
 */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisTestResource.class, restrictToAnnotatedClass = true)
class AssertionExchangeTest {

    PlasmicEmulator emulator;
    JwksServer jwks;
    static LogCapture logs;

    @BeforeAll
    static void captureLogs() {
        logs = LogCapture.install();
    }

    @AfterAll
    static void releaseLogs() {
        logs.uninstall();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void validAssertionReturnsUserAndToken() {
        String assertion = TestAssertions.rsa().claim("email", "valid-" + UUID.randomUUID() + "@example.com").sign();
        long before = emulator.ensureCalls();

        String body = exchange(assertion).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("user.email", org.hamcrest.Matchers.startsWith("valid-"))
                .body("user.isLoggedIn", is(true))
                .body("user.roleId", is("normal-user"))
                .body("token", not(emptyOrNullString()))
                .body("app", is("main"))
                .body("expiresAt", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .extract().asString();

        assertThat(emulator.ensureCalls()).isEqualTo(before + 1);
        assertNothingOf(assertion, body, logs);
    }

    @Test
    void repeatedExchangeReusesEnsuredUser() {
        String email = "repeat-" + UUID.randomUUID() + "@example.com";
        long before = emulator.ensureCalls();

        String first = exchange(TestAssertions.rsa().claim("email", email).sign()).then().statusCode(200)
                .extract().path("token");
        String second = exchange(TestAssertions.rsa().claim("email", email).sign()).then().statusCode(200)
                .extract().path("token");

        assertThat(second).isEqualTo(first);
        assertThat(emulator.ensureCalls()).isEqualTo(before + 1);
    }

    @Test
    void concurrentExchangesShareOneEnsureCall() throws Exception {
        String email = "burst-" + UUID.randomUUID() + "@example.com";
        List<String> assertions = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> TestAssertions.rsa().claim("email", email).sign()).toList();
        long before = emulator.ensureCalls();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = pool.invokeAll(assertions.stream()
                    .map(assertion -> (java.util.concurrent.Callable<Integer>) () -> exchange(assertion).statusCode())
                    .toList());
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(emulator.ensureCalls()).isEqualTo(before + 1);
    }

    @Test
    void bearerHeaderCarriesAssertion() {
        given().header("Authorization", "Bearer " + TestAssertions.rsa().sign())
                .when().post("/v1/assertions")
                .then().statusCode(200).body("user.email", is("jane@example.com"));
    }

    @Test
    void bodyAndBearerTogetherRejected() {
        String assertion = TestAssertions.rsa().sign();
        given().header("Authorization", "Bearer " + assertion)
                .contentType(ContentType.JSON).body(Map.of("assertion", assertion))
                .when().post("/v1/assertions")
                .then().statusCode(400).body("code", is("invalid_request"));
    }

    @Test
    void expiredAssertionRejected() {
        String assertion = TestAssertions.rsa().claim("iat", now() - 400).claim("exp", now() - 120).sign();
        assertRejected(emulator, logs, assertion, 401, "assertion_expired");
    }

    @Test
    void iatBeyondSkewRejected() {
        String assertion = TestAssertions.rsa().claim("iat", now() + 120).sign();
        assertRejected(emulator, logs, assertion, 401, "assertion_not_yet_valid");
    }

    @Test
    void nbfBeyondSkewRejected() {
        String assertion = TestAssertions.rsa().claim("nbf", now() + 120).sign();
        assertRejected(emulator, logs, assertion, 401, "assertion_not_yet_valid");
    }

    @Test
    void iatWithinSkewAccepted() {
        exchange(TestAssertions.rsa().claim("iat", now() + 30).claim("nbf", now() + 30).sign())
                .then().statusCode(200);
    }

    @Test
    void wrongIssuerRejected() {
        String assertion = TestAssertions.rsa().claim("iss", "https://issuer.test/other").sign();
        assertRejected(emulator, logs, assertion, 401, "untrusted_issuer");
    }

    @Test
    void issuerWithTrailingSlashRejected() {
        String assertion = TestAssertions.rsa().claim("iss", BridgeTestResource.RSA_ISSUER + "/").sign();
        assertRejected(emulator, logs, assertion, 401, "untrusted_issuer");
    }

    @Test
    void wrongAudienceRejected() {
        String assertion = TestAssertions.rsa().claim("aud", "another-service").sign();
        assertRejected(emulator, logs, assertion, 401, "audience_mismatch");
    }

    @Test
    void audienceArrayContainingOursAccepted() {
        exchange(TestAssertions.rsa().claim("aud", List.of("another-service", BridgeTestResource.AUDIENCE)).sign())
                .then().statusCode(200);
    }

    @Test
    void missingExpRejected() {
        String assertion = TestAssertions.rsa().without("exp").sign();
        assertRejected(emulator, logs, assertion, 401, "invalid_assertion");
    }

    @Test
    void lifetimeOverMaximumRejected() {
        String assertion = TestAssertions.rsa().claim("exp", now() + 7200).sign();
        assertRejected(emulator, logs, assertion, 401, "assertion_lifetime_too_long");
    }

    @Test
    void badSignatureRejected() {
        String assertion = TestAssertions.rsa().signedWith("RS256", TestKeys.privateKey("rsa-other"), "rsa-1").sign();
        assertRejected(emulator, logs, assertion, 401, "signature_invalid");
    }

    @Test
    void unknownKidRefetchesOnceThenBounded() {
        exchange(TestAssertions.rsa().sign()).then().statusCode(200);
        int before = jwks.fetches("rsa");
        String first = TestAssertions.rsa().signedWith("RS256", TestKeys.privateKey("rsa-other"), "unknown-kid").sign();
        assertRejected(emulator, logs, first, 401, "signature_invalid");
        assertThat(jwks.fetches("rsa")).as("fetches after one unknown kid").isEqualTo(before + 1);

        for (int i = 0; i < 20; i++) {
            String flood = TestAssertions.rsa()
                    .signedWith("RS256", TestKeys.privateKey("rsa-other"), "flood-" + i).sign();
            exchange(flood).then().statusCode(401).body("code", is("signature_invalid"));
        }
        assertThat(jwks.fetches("rsa")).as("fetches after a flood of unknown kids").isEqualTo(before + 1);
    }

    @Test
    void rotatedKeyAcceptedAfterOneRefetch() {
        exchange(TestAssertions.rsa().claim("iss", BridgeTestResource.ROTATING_ISSUER).sign()).then().statusCode(200);
        jwks.publish("rotating", TestKeys.rsaPublicJwk("rsa-1", "rsa-1"), TestKeys.rsaPublicJwk("rsa-2", "rsa-2"));
        int before = jwks.fetches("rotating");

        exchange(TestAssertions.rsa().claim("iss", BridgeTestResource.ROTATING_ISSUER)
                .signedWith("RS256", TestKeys.privateKey("rsa-2"), "rsa-2").sign())
                .then().statusCode(200);

        assertThat(jwks.fetches("rotating")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNoneRejected(String alg) {
        TestAssertions valid = TestAssertions.rsa();
        String assertion = TestAssertions.unsigned("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}", valid.claims());
        assertRejected(emulator, logs, assertion, 401, "algorithm_not_allowed");
    }

    @Test
    void hs256WithRsaPublicKeyRejected() {
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestKeys.rsaPublicKey("rsa-1").getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        HmacKey confusedKey = new HmacKey(publicKeyPem.getBytes(StandardCharsets.UTF_8));
        String assertion = TestAssertions.rsa().signedWith("HS256", confusedKey, "rsa-1").sign();
        assertRejected(emulator, logs, assertion, 401, "algorithm_not_allowed");
    }

    @Test
    void algorithmOutsideAllowListRejected() {
        String assertion = TestAssertions.rsa().signedWith("RS512", TestKeys.privateKey("rsa-1"), "rsa-1").sign();
        assertRejected(emulator, logs, assertion, 401, "algorithm_not_allowed");
    }

    @Test
    void emailVerifiedFalseRejected() {
        String assertion = TestAssertions.rsa().claim("email_verified", false).sign();
        assertRejected(emulator, logs, assertion, 403, "email_not_verified");
    }

    @Test
    void emailVerifiedStringFalseRejected() {
        String assertion = TestAssertions.rsa().claim("email_verified", "false").sign();
        assertRejected(emulator, logs, assertion, 403, "email_not_verified");
    }

    @Test
    void emailVerifiedMissingRejected() {
        String assertion = TestAssertions.rsa().without("email_verified").sign();
        assertRejected(emulator, logs, assertion, 403, "email_not_verified");
    }

    @Test
    void emailWithTwoAtSignsRejected() {
        String assertion = TestAssertions.rsa().claim("email", "jane@evil.example@example.com").sign();
        assertRejected(emulator, logs, assertion, 403, "email_invalid");
    }

    @Test
    void missingEmailClaimRejected() {
        String assertion = TestAssertions.rsa().without("email").sign();
        assertRejected(emulator, logs, assertion, 403, "identity_missing");
    }

    @Test
    void upperCaseEmailReachesSamePlasmicUser() {
        String local = "case-" + UUID.randomUUID();
        String lower = exchange(TestAssertions.rsa().claim("email", local + "@example.com").sign())
                .then().statusCode(200).extract().path("user.email");
        String upper = exchange(TestAssertions.rsa().claim("email", "  " + local.toUpperCase() + "@EXAMPLE.COM ").sign())
                .then().statusCode(200).extract().path("user.email");

        assertThat(lower).isEqualTo(local + "@example.com");
        assertThat(upper).isEqualTo(lower);
    }

    @Test
    void kelvinSignIsNotFoldedToAscii() {
        String email = "\u212Aate-" + UUID.randomUUID() + "@example.com";
        exchange(TestAssertions.hmac().claim("email", email).sign())
                .then().statusCode(200).body("user.email", is(email));
    }

    @Test
    void disallowedDomainRejected() {
        String assertion = TestAssertions.hmac().claim("email", "sam@example.net").sign();
        assertRejected(emulator, logs, assertion, 403, "domain_not_allowed");
    }

    @Test
    void reusedJtiRejected() {
        String assertion = TestAssertions.ec().sign();
        exchange(assertion).then().statusCode(200).body("user.externalId", org.hamcrest.Matchers.startsWith("user-"));
        double hits = signatureCacheHits();
        assertRejected(emulator, logs, assertion, 401, "assertion_reused");
        assertThat(signatureCacheHits()).as("the second use skipped only the signature check").isEqualTo(hits + 1);
    }

    @Test
    void repeatedAssertionSkipsSignatureCheck() {
        String assertion = TestAssertions.rsa().claim("email", "again-" + UUID.randomUUID() + "@example.com").sign();
        String first = exchange(assertion).then().statusCode(200).extract().path("token");
        double hits = signatureCacheHits();

        String second = exchange(assertion).then().statusCode(200).extract().path("token");

        assertThat(second).isEqualTo(first);
        assertThat(signatureCacheHits()).isEqualTo(hits + 1);
    }

    @Test
    void alteredRememberedSignatureRejected() {
        String assertion = TestAssertions.rsa().sign();
        exchange(assertion).then().statusCode(200);
        // Change a character in the middle, because the last one may only carry bits that decoding drops.
        int at = assertion.length() - 20;
        String altered = assertion.substring(0, at) + (assertion.charAt(at) == 'A' ? 'B' : 'A') + assertion.substring(at + 1);
        double hits = signatureCacheHits();

        assertRejected(emulator, logs, altered, 401, "signature_invalid");
        assertThat(signatureCacheHits()).isEqualTo(hits);
    }

    @Test
    void removedJwksKeyRejectsRememberedAssertion() {
        String assertion = TestAssertions.rsa().claim("iss", BridgeTestResource.RETIRING_ISSUER).sign();
        exchange(assertion).then().statusCode(200);
        double hits = signatureCacheHits();
        exchange(assertion).then().statusCode(200);
        assertThat(signatureCacheHits()).as("remembered while the key is in the JWKS").isEqualTo(hits + 1);
        jwks.publish("retiring", TestKeys.rsaPublicJwk("rsa-2", "rsa-2"));
        // An assertion with the new kid makes the bridge fetch the issuer's keys again.
        exchange(TestAssertions.rsa().claim("iss", BridgeTestResource.RETIRING_ISSUER)
                .signedWith("RS256", TestKeys.privateKey("rsa-2"), "rsa-2").sign())
                .then().statusCode(200);

        assertRejected(emulator, logs, assertion, 401, "signature_invalid");
    }

    /** Returns how many signature checks the bridge skipped for assertions it had verified before. */
    private static double signatureCacheHits() {
        return ApiTestSupport.metric("bridge_cache_requests_total{cache=\"signatures\",result=\"hit\"}");
    }

    @Test
    void singleUseIssuerRequiresJti() {
        String assertion = TestAssertions.ec().without("jti").sign();
        assertRejected(emulator, logs, assertion, 401, "invalid_assertion");
    }

    @Test
    void roleMappingChoosesMappedRole() {
        exchange(TestAssertions.rsa().claim("email", "admin-" + UUID.randomUUID() + "@example.com")
                .claim("groups", List.of("staff", "admins")).sign())
                .then().statusCode(200).body("user.roleId", is("admin")).body("user.roleName", is("Admin"));
    }

    @Test
    void oversizedBodyRejected() {
        long before = emulator.ensureCalls();
        String padding = "x".repeat(20_000);
        given().contentType(ContentType.JSON).body("{\"assertion\":\"" + padding + "\"}")
                .when().post("/v1/assertions")
                .then().statusCode(413).body("code", is("payload_too_large"));
        assertThat(emulator.ensureCalls()).isEqualTo(before);
    }

    @Test
    void oversizedChunkedBodyRejectedWithoutError() throws Exception {
        logs.clear();
        byte[] body = ("{\"assertion\":\"" + "x".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/v1/assertions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        int status = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(status).isEqualTo(413);
        assertThat(logs.all()).doesNotContain("Unexpected failure");
    }

    @Test
    void bodyThatIsNotJsonRejected() {
        long before = emulator.ensureCalls();
        given().contentType(ContentType.JSON).body("assertion=" + TestAssertions.rsa().sign())
                .when().post("/v1/assertions")
                .then().statusCode(400).contentType("application/problem+json").body("code", is("invalid_request"));
        assertThat(emulator.ensureCalls()).isEqualTo(before);
    }

    @Test
    void unknownAppRejected() {
        given().contentType(ContentType.JSON).body(Map.of("assertion", TestAssertions.rsa().sign(), "app", "other"))
                .when().post("/v1/assertions")
                .then().statusCode(400).body("code", is("unknown_app"));
    }

    @Test
    void requestIdIsEchoed() {
        given().header("X-Request-Id", "trace-123").contentType(ContentType.JSON).body("{}")
                .when().post("/v1/assertions")
                .then().statusCode(400).header("X-Request-Id", "trace-123").body("requestId", is("trace-123"));
    }

    @Test
    void authEventLoggedWithoutToken() {
        logs.clear();
        String assertion = TestAssertions.rsa().claim("aud", "elsewhere").sign();
        given().header("X-Request-Id", "audit-1").contentType(ContentType.JSON).body(Map.of("assertion", assertion))
                .when().post("/v1/assertions").then().statusCode(401);

        assertThat(logs.lines()).anyMatch(line -> line.contains("auth_event outcome=rejected endpoint=assertions "
                + "issuer=rsa code=audience_mismatch request_id=audit-1"));
        assertNothingOf(assertion, "", logs);
    }
}
