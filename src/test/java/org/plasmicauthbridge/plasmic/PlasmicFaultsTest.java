package org.plasmicauthbridge.plasmic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.TestAssertions;
import org.plasmicauthbridge.testing.WireMockPlasmicResource;

/**
 * Upstream faults through WireMock standing in for Plasmic: each gives the documented status and code,
 * and a Plasmic outage never makes {@code /v1/verify} report a token as inactive.
 */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = BridgeTestResource.PLASMIC, value = BridgeTestResource.PLASMIC_EXTERNAL))
@QuarkusTestResource(value = WireMockPlasmicResource.class, restrictToAnnotatedClass = true)
class PlasmicFaultsTest {

    private static final String ENSURE = "/api/v1/app-auth/user";
    private static final String USERINFO = "/api/v1/app-auth/userinfo";

    WireMockServer wireMock;

    @BeforeEach
    void reset() throws InterruptedException {
        wireMock.resetAll();
        // Let a breaker opened by an earlier test close again before the next test.
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(okSession()));
                    int status = exchangeNewUser().statusCode();
                    wireMock.resetAll();
                    return status == 200;
                });
    }

    private static Response exchangeNewUser() {
        String assertion = TestAssertions.rsa().claim("email", "fault-" + UUID.randomUUID() + "@example.com").sign();
        return given().contentType(ContentType.JSON).body(Map.of("assertion", assertion)).when().post("/v1/assertions");
    }

    private static String plasmicToken(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"appId\":\"" + BridgeTestResource.PROJECT_ID + "\",\"endUserId\":\"u-"
                        + UUID.randomUUID() + "\",\"iat\":1,\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okSession() {
        String user = "{\"email\":\"x@example.com\",\"externalId\":null,\"roleId\":\"r\",\"roleName\":\"Normal User\","
                + "\"roleOrder\":1,\"roleIds\":[\"r\"],\"roleNames\":[\"Normal User\"],\"properties\":{},"
                + "\"customProperties\":{},\"isLoggedIn\":true}";
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"token\":\"" + plasmicToken(Instant.now().getEpochSecond() + 7 * 86400) + "\",\"user\":" + user + "}");
    }

    @Test
    void timeoutIsUpstreamUnavailable() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(okSession().withFixedDelay(1500)));
        exchangeNewUser().then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", is("upstream_unavailable"));
    }

    @Test
    void serverErrorIsRetriedThenUnavailable() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(aResponse().withStatus(502)));
        exchangeNewUser().then().statusCode(503).header("Retry-After", notNullValue())
                .body("code", is("upstream_unavailable"));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(ENSURE)));
    }

    @Test
    void htmlAnswerIsUpstreamUnavailable() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome</body></html>")));
        exchangeNewUser().then().statusCode(503).body("code", is("upstream_unavailable"));
    }

    @Test
    void rejectedSecretIsUpstreamMisconfigured() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_token\"}")));
        String body = exchangeNewUser().then().statusCode(502).body("code", is("upstream_misconfigured"))
                .extract().asString();
        assertThat(body).doesNotContain("test-app-secret");
    }

    @Test
    void secondarySecretTakesOverDuringRotation() {
        String header = "x-plasmic-app-auth-api-token";
        String secondary = WireMockPlasmicResource.SECONDARY_SECRET;
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).withHeader(header, notMatching(secondary)).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_token\"}")));
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).withHeader(header, equalTo(secondary)).willReturn(okSession()));

        exchangeNewUser().then().statusCode(200);

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(ENSURE)).withHeader(header, notMatching(secondary)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(ENSURE)).withHeader(header, equalTo(secondary)));
    }

    @Test
    void refusedUserIsUnauthorizedUser() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unauthorized_user\"}")));
        exchangeNewUser().then().statusCode(403).body("code", is("unauthorized_user"));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(ENSURE)));
    }

    @Test
    void verifyDuringOutageIs503NotInactive() {
        wireMock.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Internal Server Error\"}}")));
        String token = plasmicToken(Instant.now().getEpochSecond() + 3600);

        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/v1/verify")
                .then().statusCode(503).header("Retry-After", notNullValue()).body("code", is("upstream_unavailable"));
        given().header("x-plasmic-data-user-auth-token", token)
                .when().get(USERINFO)
                .then().statusCode(503).header("Retry-After", notNullValue()).body("error.statusCode", is(503));
    }

    @Test
    void openBreakerAnswersWithoutCallingPlasmic() {
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            exchangeNewUser().then().statusCode(503);
        }
        int callsWhileClosed = wireMock.findAll(postRequestedFor(urlPathEqualTo(ENSURE))).size();

        exchangeNewUser().then().statusCode(503).header("Retry-After", is("3")).body("code", is("upstream_unavailable"));

        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(ENSURE)))).hasSize(callsWhileClosed);
    }

    @Test
    void userinfoBreakerDoesNotBlockSignIns() {
        wireMock.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON).body(Map.of("token", plasmicToken(Instant.now().getEpochSecond() + 3600)))
                    .when().post("/v1/verify").then().statusCode(503);
        }
        wireMock.stubFor(post(urlPathEqualTo(ENSURE)).willReturn(okSession()));

        exchangeNewUser().then().statusCode(200);
        wireMock.verify(getRequestedFor(urlPathEqualTo(USERINFO)));
    }

    @Test
    void badTokensKeepUserinfoBreakerClosed() {
        // An earlier test may have left the userinfo breaker open, so wait until a valid token passes.
        wireMock.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(userinfoOk()));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> verifyNewToken().statusCode() == 200);
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Internal Server Error\"}}")));
        int badTokens = 8;
        for (int i = 0; i < badTokens; i++) {
            verifyNewToken().then().statusCode(503).body("code", is("upstream_unavailable"));
        }
        wireMock.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(userinfoOk()));

        verifyNewToken().then().statusCode(200).body("active", is(true));

        wireMock.verify(badTokens + 1, getRequestedFor(urlPathEqualTo(USERINFO)));
    }

    private static Response verifyNewToken() {
        return given().contentType(ContentType.JSON).body(Map.of("token", plasmicToken(Instant.now().getEpochSecond() + 3600)))
                .when().post("/v1/verify");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder userinfoOk() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"email\":\"x@example.com\",\"isLoggedIn\":true}");
    }
}
