package org.plasmicauthbridge.interop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.emulator.PlasmicEmulator;
import org.plasmicauthbridge.testing.BridgeTestResource;

/**
 * Checks the bridge and the Plasmic emulator with clients that this project did not write: jose
 * signs assertions the way a Node backend does, and Plasmic's own {@code @plasmicapp/auth-api}
 * reads users and ensures them. The npm versions are pinned in {@code interop/package-lock.json}.
 */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class NodeInteropTest {

    private static final int EXIT_ERROR_RESULT = 1;
    private static NodeScripts node;

    @TestHTTPResource("/")
    URL bridgeUrl;

    PlasmicEmulator emulator;

    @BeforeAll
    static void installPackages() {
        node = NodeScripts.install();
    }

    @Test
    void joseAssertionExchanges() {
        String email = newEmail();

        JsonPath session = exchange(signAssertion(email));

        assertThat(session.getString("user.email")).isEqualTo(email);
        assertThat(session.getString("user.roleId")).isEqualTo("normal-user");
        assertThat(session.getBoolean("user.isLoggedIn")).isTrue();
        assertThat(session.getString("token")).isNotBlank();
        assertThat(session.getString("app")).isEqualTo("main");
    }

    @Test
    void authApiReadsUserFromBridge() {
        String email = newEmail();
        JsonPath session = exchange(signAssertion(email));

        NodeResult result = userinfo(bridgeHost(), session.getString("token"));

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output().path("error").isNull()).isTrue();
        assertThat(result.output().path("tokenReturned").asBoolean()).isTrue();
        assertThat(result.output().path("user").path("email").asText()).isEqualTo(email);
        assertThat(result.output().path("user").path("roleId").asText()).isEqualTo("normal-user");
        assertThat(result.output().path("user").path("isLoggedIn").asBoolean()).isTrue();
    }

    @Test
    void authApiRejectsBadToken() {
        String badToken = "not-a-plasmic-token";

        NodeResult result = userinfo(bridgeHost(), badToken);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(EXIT_ERROR_RESULT);
        assertThat(result.output().path("user").isNull()).isTrue();
        assertThat(result.output().path("error").path("message").asText()).isEqualTo("Invalid token");
        // The client maps every status from 400 up to "Invalid token", so the status is checked
        // directly: a bad token must be the bridge's 401, not an outage.
        given().header("x-plasmic-data-user-auth-token", badToken)
                .when().get("/api/v1/app-auth/userinfo")
                .then().statusCode(401);
    }

    @Test
    void authApiEnsuresUserAtEmulator() {
        String email = newEmail();

        NodeResult ensured = ensure(appSecret(), email);

        assertThat(ensured.exitCode()).as("%s", ensured).isZero();
        assertThat(ensured.output().path("error").isNull()).isTrue();
        assertThat(ensured.output().path("user").path("email").asText()).isEqualTo(email);
        assertThat(ensured.output().path("user").path("roleId").asText()).isEqualTo("normal-user");
        String token = ensured.output().path("token").asText();
        assertThat(token.split("\\.")).hasSize(3);

        NodeResult userinfo = userinfo(emulator.baseUrl(), token);
        assertThat(userinfo.exitCode()).as("%s", userinfo).isZero();
        assertThat(userinfo.output().path("user").path("email").asText()).isEqualTo(email);
    }

    @Test
    void authApiEnsureRejectsWrongSecret() {
        NodeResult result = ensure("not-the-app-secret", newEmail());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(EXIT_ERROR_RESULT);
        assertThat(result.output().path("user").isNull()).isTrue();
        assertThat(result.output().path("token").isNull()).isTrue();
        // The client returns the "error" member of Plasmic's body as it is: here a plain string.
        assertThat(result.output().path("error").path("body").asText()).isEqualTo("invalid_token");
    }

    private String signAssertion(String email) {
        String claims = "{\"sub\":\"" + UUID.randomUUID() + "\",\"email\":\"" + email + "\",\"email_verified\":true}";
        NodeResult result = node.run("sign-assertion.mjs", Map.of(),
                "--key-file", keyFile("rsa-1"),
                "--alg", "RS256",
                "--kid", "rsa-1",
                "--issuer", BridgeTestResource.RSA_ISSUER,
                "--audience", BridgeTestResource.AUDIENCE,
                "--claims", claims);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result.output().path("assertion").asText();
    }

    private static JsonPath exchange(String assertion) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("assertion", assertion))
                .when().post("/v1/assertions")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private NodeResult userinfo(String host, String token) {
        return node.run("auth-api-userinfo.mjs", Map.of("PLASMIC_USER_TOKEN", token), "--host", host);
    }

    private NodeResult ensure(String appSecret, String email) {
        return node.run("auth-api-ensure.mjs", Map.of("PLASMIC_APP_SECRET", appSecret),
                "--host", emulator.baseUrl(), "--email", email);
    }

    /** Builds the bridge's base URL on 127.0.0.1, whatever host name the test URL has. */
    private String bridgeHost() {
        return "http://127.0.0.1:" + bridgeUrl.getPort();
    }

    private static String appSecret() {
        return ConfigProvider.getConfig().getValue("bridge.apps.main.secret", String.class);
    }

    private static String keyFile(String name) {
        URL resource = NodeInteropTest.class.getClassLoader().getResource("keys/" + name + ".pem");
        assertThat(resource).as("test key keys/%s.pem", name).isNotNull();
        try {
            return Path.of(resource.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newEmail() {
        return "node-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
