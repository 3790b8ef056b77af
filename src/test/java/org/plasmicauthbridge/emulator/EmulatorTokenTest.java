package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.plasmicauthbridge.emulator.EmulatorFixture.HOSTED;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmulatorTokenTest {

    private static final String VERIFIER = "verifier-1";
    /** Lower-case hex SHA-256 of {@link #VERIFIER}, computed outside the emulator. */
    private static final String HEX_CHALLENGE = "c5361104b4c3b75812dfeaf0ff714155a7d9d22360f5b65805b1bc7d13ef904b";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void validCodeReturnsTokenAndUser() {
        String token = exchange(validParams(issueCode()))
                .then().statusCode(200)
                .body("user.email", equalTo("ann@example.com"))
                .body("user.roleId", equalTo("admin"))
                .body("token", notNullValue())
                .extract().path("token");

        fixture.userinfo(token).then().statusCode(200).body("email", equalTo("ann@example.com"));
    }

    @Test
    void wrongGrantTypeComesFirst() {
        Map<String, String> params = validParams("not-a-code");
        params.put("grant_type", "client_credentials");

        exchange(params).then().statusCode(400).body("error", equalTo("invalid_grant_type"));
    }

    @Test
    void undecodableCodeIsServerError() {
        exchange(validParams("not-a-code"))
                .then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void missingCodeIsServerError() {
        Map<String, String> params = validParams("unused");
        params.remove("code");

        exchange(params).then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void codeValidForSixtySeconds() {
        String code = issueCode();
        fixture.clock.advance(Duration.ofSeconds(60));

        exchange(validParams(code)).then().statusCode(200);
    }

    @Test
    void expiredCodeComesBeforeClientId() {
        String code = issueCode();
        fixture.clock.advance(Duration.ofSeconds(61));
        Map<String, String> params = validParams(code);
        params.put("client_id", "other-project");

        exchange(params).then().statusCode(400).body("error", equalTo("code_expired"));
    }

    @Test
    void wrongClientIdComesBeforeVerifier() {
        Map<String, String> params = validParams(issueCode());
        params.put("client_id", "other-project");
        params.put("code_verifier", "wrong-verifier");

        exchange(params).then().statusCode(400).body("error", equalTo("invalid_client_id"));
    }

    @Test
    void missingVerifierIsServerError() {
        Map<String, String> params = validParams(issueCode());
        params.remove("code_verifier");

        exchange(params).then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void wrongVerifierIsRejected() {
        Map<String, String> params = validParams(issueCode());
        params.put("code_verifier", "wrong-verifier");

        exchange(params).then().statusCode(400).body("error", equalTo("invalid_code_verifier"));
    }

    @Test
    void base64urlChallengeIsRejected() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.UTF_8));
        String rfc7636Challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);

        exchange(validParams(issueCode(rfc7636Challenge)))
                .then().statusCode(400).body("error", equalTo("invalid_code_verifier"));
    }

    @Test
    void upperCaseHexChallengeIsRejected() {
        exchange(validParams(issueCode(HEX_CHALLENGE.toUpperCase())))
                .then().statusCode(400).body("error", equalTo("invalid_code_verifier"));
    }

    @Test
    void reusedCodeIsRejected() {
        String code = issueCode();
        exchange(validParams(code)).then().statusCode(200);

        exchange(validParams(code)).then().statusCode(400).body("error", equalTo("code_already_used"));
    }

    @Test
    void verifierCheckedBeforeReuse() {
        String code = issueCode();
        exchange(validParams(code)).then().statusCode(200);
        Map<String, String> params = validParams(code);
        params.put("code_verifier", "wrong-verifier");

        exchange(params).then().statusCode(400).body("error", equalTo("invalid_code_verifier"));
    }

    @Test
    void reusedCodeReportsExpiryOnceExpired() {
        String code = issueCode();
        exchange(validParams(code)).then().statusCode(200);
        fixture.clock.advance(Duration.ofSeconds(61));

        exchange(validParams(code)).then().statusCode(400).body("error", equalTo("code_expired"));
    }

    @Test
    void userWithoutRoleGetsEmptyUser() {
        String code = issueCode();
        fixture.emulator.revokeRole(HOSTED, Identity.email("ann@example.com"));

        exchange(validParams(code)).then().statusCode(200)
                .body("token", notNullValue())
                .body("user", equalTo(Map.of()));
    }

    @Test
    void callsAreCounted() {
        exchange(validParams("not-a-code"));

        assertThat(fixture.emulator.tokenCalls()).isEqualTo(1);
    }

    private String issueCode() {
        return issueCode(HEX_CHALLENGE);
    }

    private String issueCode(String challenge) {
        Map<String, String> params = EmulatorAuthorizeTest.validParams();
        params.put("code_challenge", challenge);
        String location = fixture.request().queryParams(params).get("/api/v1/app-auth/code")
                .then().statusCode(302).extract().header("Location");
        return EmulatorAuthorizeTest.queryOf(location).get("code");
    }

    private Response exchange(Map<String, String> params) {
        return fixture.request().queryParams(params).get("/api/v1/app-auth/token");
    }

    private static Map<String, String> validParams(String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("client_id", HOSTED);
        params.put("code_verifier", VERIFIER);
        return params;
    }
}
