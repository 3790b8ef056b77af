package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM;
import static org.plasmicauthbridge.emulator.EmulatorFixture.HOSTED;
import static org.plasmicauthbridge.emulator.EmulatorFixture.HOSTED_DOMAIN;
import static org.plasmicauthbridge.emulator.EmulatorFixture.LOOPBACK_REDIRECT_URI;
import static org.plasmicauthbridge.emulator.EmulatorFixture.REDIRECT_URI;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmulatorAuthorizeTest {

    private static final String CHALLENGE = "c5361104b4c3b75812dfeaf0ff714155a7d9d22360f5b65805b1bc7d13ef904b";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void validRequestRedirectsWithCodeAndState() {
        String location = authorize(validParams()).then().statusCode(302).extract().header("Location");

        assertThat(location).startsWith(REDIRECT_URI + "?code=");
        assertThat(queryOf(location)).containsKey("code").containsEntry("state", "state-1");
    }

    @Test
    void missingEmailIsLoginRequired() {
        Map<String, String> params = validParams();
        params.remove("email");

        authorize(params).then().statusCode(401).contentType(ContentType.JSON).body("error", equalTo("login_required"));
    }

    @Test
    void unknownClientIdIsJsonError() {
        Map<String, String> params = validParams();
        params.put("client_id", "no-such-project");

        authorize(params).then().statusCode(400).body("error", equalTo("invalid_client_id"));
    }

    @Test
    void customAuthAppIsInvalidClientId() {
        Map<String, String> params = validParams();
        params.put("client_id", CUSTOM);

        authorize(params).then().statusCode(400).body("error", equalTo("invalid_client_id"));
    }

    @Test
    void unregisteredRedirectUriIsJsonError() {
        Map<String, String> params = validParams();
        params.put("redirect_uri", "https://elsewhere.example/callback");

        authorize(params).then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
    }

    @Test
    void httpLoopbackAddressIsRejected() {
        Map<String, String> params = validParams();
        params.put("redirect_uri", LOOPBACK_REDIRECT_URI);

        authorize(params).then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
    }

    @Test
    void redirectUriCheckedBeforeResponseType() {
        Map<String, String> params = validParams();
        params.put("redirect_uri", "https://elsewhere.example/callback");
        params.put("response_type", "token");

        authorize(params).then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
    }

    @Test
    void hostedDomainRedirectIsAccepted() {
        Map<String, String> params = validParams();
        params.put("redirect_uri", "https://" + HOSTED_DOMAIN + "/after-login");

        String location = authorize(params).then().statusCode(302).extract().header("Location");

        assertThat(location).startsWith("https://" + HOSTED_DOMAIN + "/after-login?code=");
    }

    @Test
    void missingRedirectUriUsesHostedDomain() {
        Map<String, String> params = validParams();
        params.remove("redirect_uri");
        params.put("state", "{\"continueTo\":\"/orders\"}");

        String location = authorize(params).then().statusCode(302).extract().header("Location");

        assertThat(location).startsWith("https://" + HOSTED_DOMAIN + "/orders?code=");
    }

    @Test
    void continueToOtherOriginIsIgnored() {
        Map<String, String> params = validParams();
        params.remove("redirect_uri");
        params.put("state", "{\"continueTo\":\"https://elsewhere.example/orders\"}");

        String location = authorize(params).then().statusCode(302).extract().header("Location");

        assertThat(location).startsWith("https://" + HOSTED_DOMAIN + "/?code=");
    }

    @Test
    void wrongResponseTypeRedirectsWithError() {
        Map<String, String> params = validParams();
        params.put("response_type", "token");

        assertRedirectError(params, "invalid_response_type");
    }

    @Test
    void plainChallengeMethodRedirectsWithError() {
        Map<String, String> params = validParams();
        params.put("code_challenge_method", "plain");

        assertRedirectError(params, "invalid_code_challenge_method");
    }

    @Test
    void missingChallengeRedirectsWithError() {
        Map<String, String> params = validParams();
        params.remove("code_challenge");

        assertRedirectError(params, "invalid_code_challenge");
    }

    @Test
    void userWithoutRoleRedirectsWithError() {
        Map<String, String> params = validParams();
        params.put("email", "bob@example.com");

        assertRedirectError(params, "unauthorized_user");
    }

    @Test
    void callsAreCounted() {
        authorize(validParams());

        assertThat(fixture.emulator.authorizeCalls()).isEqualTo(1);
    }

    private void assertRedirectError(Map<String, String> params, String error) {
        String location = authorize(params).then().statusCode(302).extract().header("Location");

        assertThat(location).isEqualTo(REDIRECT_URI + "?error=" + error);
    }

    private Response authorize(Map<String, String> params) {
        return fixture.request().queryParams(params).get("/api/v1/app-auth/code");
    }

    static Map<String, String> validParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", HOSTED);
        params.put("response_type", "code");
        params.put("code_challenge", CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", "state-1");
        params.put("email", "ann@example.com");
        return params;
    }

    /** Splits the query of a redirect location into decoded parameters. */
    static Map<String, String> queryOf(String location) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(decode(parts[0]), decode(parts[1]));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
