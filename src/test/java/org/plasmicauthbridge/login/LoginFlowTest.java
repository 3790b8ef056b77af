package org.plasmicauthbridge.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.plasmic.PlasmicClient;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.OffsetClock;
import org.plasmicauthbridge.testing.RedisTestResource;
import org.plasmicauthbridge.testing.StubOidcProvider;
import org.plasmicauthbridge.testing.StubOidcResource;

/**
 * Browser sign-in without a browser: each step of the redirect dance is one request, so that every
 * state, nonce, audience, redirect and cookie case can be driven on its own.
 */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = StubOidcResource.class, restrictToAnnotatedClass = true)
class LoginFlowTest {

    private static final String COOKIE = "pab_session";
    private static final String LOGIN_COOKIE = "pab_login";
    private static final String HOME = BridgeTestResource.APP_ORIGIN + "/home";

    StubOidcProvider provider;
    OffsetClock emulatorClock;
    org.plasmicauthbridge.emulator.PlasmicEmulator emulator;

    @Inject
    PlasmicClient plasmic;

    /** The login cookie of the simulated browser, carried from the login redirect to the callback. */
    private String browser;

    @BeforeEach
    void reset() {
        provider.reset();
        browser = null;
    }

    private static String location(Response response) {
        return response.getHeader("Location");
    }

    /** Starts a sign-in in the simulated browser and returns the provider's authorization URL. */
    private String start(String provider, String returnTo) {
        var request = given().redirects().follow(false);
        if (returnTo != null) {
            request.queryParam("return_to", returnTo);
        }
        if (browser != null) {
            request.cookie(LOGIN_COOKIE, browser);
        }
        Response response = request.when().get("/v1/login/" + provider);
        assertThat(response.statusCode()).isEqualTo(302);
        browser = response.getCookie(LOGIN_COOKIE);
        return location(response);
    }

    /** Follows the provider's redirect back and returns the bridge's callback URL. */
    private static String atProvider(String authorizationUrl) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).when().get(authorizationUrl);
        assertThat(response.statusCode()).isEqualTo(302);
        return location(response);
    }

    private Response callback(String callbackUrl) {
        var request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (browser != null) {
            request.cookie(LOGIN_COOKIE, browser);
        }
        return request.when().get(callbackUrl);
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String signIn(String returnTo) {
        Response response = callback(atProvider(start("stub", returnTo)));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.getCookie(COOKIE);
    }

    @Test
    void loginRedirectCarriesStateNonceAndPkce() {
        String url = start("stub", "/after");

        assertThat(url).startsWith(provider.issuer() + "/authorize?");
        assertThat(query(url, "response_type")).isEqualTo("code");
        assertThat(query(url, "client_id")).isEqualTo(StubOidcProvider.CLIENT_ID);
        assertThat(query(url, "redirect_uri")).endsWith("/v1/callback/stub");
        assertThat(query(url, "state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query(url, "nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query(url, "code_challenge")).hasSize(43);
        assertThat(query(url, "code_challenge_method")).isEqualTo("S256");
        assertThat(query(url, "scope")).contains("openid");
    }

    @Test
    void signInCreatesSessionWithMappedRole() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        provider.signInAs(email);
        Response callback = callback(atProvider(start("stub", "/after?x=1")));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/after?x=1");
        String session = callback.getCookie(COOKIE);
        assertThat(session).hasSizeGreaterThanOrEqualTo(43);

        given().cookie(COOKIE, session).when().get("/v1/session").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("user.email", is(email))
                .body("user.roleId", is("admin"))
                .body("token", org.hamcrest.Matchers.notNullValue())
                .body("expiresAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void sessionRefreshesTokenNearExpiry() {
        // The emulator's clock runs 6.5 days behind, so the token it mints now expires in half a day,
        // inside the bridge's refresh margin of one day.
        emulatorClock.advance(Duration.ofHours(-156));
        String session;
        try {
            provider.signInAs("refresh-" + UUID.randomUUID() + "@example.com");
            session = signIn(null);
        } finally {
            emulatorClock.advance(Duration.ofHours(156));
        }
        long callsBefore = emulator.ensureCalls();

        String first = given().cookie(COOKIE, session).when().get("/v1/session").then().statusCode(200)
                .extract().path("expiresAt");
        String second = given().cookie(COOKIE, session).when().get("/v1/session").then().statusCode(200)
                .extract().path("expiresAt");

        assertThat(java.time.Instant.parse(first)).isAfter(java.time.Instant.now().plus(Duration.ofDays(6)));
        assertThat(second).isEqualTo(first);
        assertThat(emulator.ensureCalls()).isEqualTo(callsBefore + 1);
    }

    @Test
    void sessionCookieAttributes() {
        String header = callback(atProvider(start("stub", null))).getHeader("Set-Cookie");

        assertThat(header).startsWith(COOKIE + "=");
        assertThat(header).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(header).doesNotContain("Secure").doesNotContain("Domain");
    }

    @Test
    void noSessionGivesNullUser() {
        given().when().get("/v1/session").then().statusCode(200).body("user", nullValue()).body("token", nullValue());
    }

    @Test
    void missingStateIsRejected() {
        String callbackUrl = atProvider(start("stub", null));
        String withoutState = callbackUrl.replaceAll("&state=[^&]*", "");
        callback(withoutState).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("invalid_state"));
    }

    @Test
    void wrongStateIsRejected() {
        String callbackUrl = atProvider(start("stub", null));
        String wrong = callbackUrl.replaceAll("state=[^&]*", "state=" + UUID.randomUUID());
        callback(wrong).then().statusCode(400).body(containsString("invalid_state"));
    }

    @Test
    void reusedStateIsRejected() {
        String callbackUrl = atProvider(start("stub", null));
        callback(callbackUrl).then().statusCode(302);
        callback(callbackUrl).then().statusCode(400).body(containsString("invalid_state"));
    }

    @Test
    void expiredStateIsRejected() {
        String callbackUrl = atProvider(start("stub", null));
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        callback(callbackUrl).then().statusCode(400).body(containsString("invalid_state"));
    }

    @Test
    void stateOfAnotherProviderIsRejected() {
        String callbackUrl = atProvider(start("stub", null));
        callback(callbackUrl.replace("/v1/callback/stub", "/v1/callback/plasmic")).then().statusCode(400)
                .body(containsString("invalid_state"));
    }

    @Test
    void callbackInAnotherBrowserIsRejected() {
        String callbackUrl = atProvider(start("stub", "/after"));

        browser = null;
        callback(callbackUrl).then().statusCode(400).body(containsString("invalid_state"));
    }

    @Test
    void callbackWithAnotherBrowsersCookieIsRejected() {
        String victimsBrowser = org.plasmicauthbridge.login.Pkce.randomToken();
        String callbackUrl = atProvider(start("stub", "/after"));

        browser = victimsBrowser;
        callback(callbackUrl).then().statusCode(400).body(containsString("invalid_state"));
    }

    @Test
    void loginCookieAttributes() {
        Response response = given().redirects().follow(false).when().get("/v1/login/stub");
        String header = response.getHeader("Set-Cookie");

        assertThat(header).startsWith(LOGIN_COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=3");
    }

    @Test
    void twoTabsInterleavedBothSucceed() {
        String firstTab = atProvider(start("stub", "/one"));
        String secondTab = atProvider(start("stub", "/two"));

        Response second = callback(secondTab);
        Response first = callback(firstTab);

        assertThat(location(second)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/two");
        assertThat(location(first)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/one");
        assertThat(first.getCookie(COOKIE)).isNotNull().isNotEqualTo(second.getCookie(COOKIE));
    }

    @Test
    void nonceMismatchFailsSignIn() {
        provider.overrideClaim("nonce", "another-nonce");
        Response callback = callback(atProvider(start("stub", "/after")));

        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/after?error=login_failed");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @Test
    void idTokenForAnotherClientFailsSignIn() {
        provider.overrideClaim("aud", "another-client");
        Response callback = callback(atProvider(start("stub", "/after")));

        assertThat(location(callback)).endsWith("?error=login_failed");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @Test
    void azpOfAnotherClientFailsSignIn() {
        provider.overrideClaim("aud", List.of(StubOidcProvider.CLIENT_ID, "another-client"));
        provider.overrideClaim("azp", "another-client");
        Response callback = callback(atProvider(start("stub", "/after")));

        assertThat(location(callback)).endsWith("?error=login_failed");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @Test
    void unverifiedEmailFailsSignIn() {
        provider.overrideClaim("email_verified", false);
        Response callback = callback(atProvider(start("stub", "/after")));

        assertThat(location(callback)).endsWith("?error=email_not_verified");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @Test
    void providerErrorReturnsToApp() {
        String callbackUrl = atProvider(start("stub", "/after#section"));
        String denied = callbackUrl.replaceAll("code=[^&]*", "error=access_denied");

        Response callback = callback(denied);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/after?error=access_denied#section");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @Test
    void unknownProviderErrorIsGeneralised() {
        String callbackUrl = atProvider(start("stub", "/after"));
        Response callback = callback(callbackUrl.replaceAll("code=[^&]*", "error=made_up_error"));

        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/after?error=provider_error");
    }

    @Test
    void responseFromAnotherIssuerFailsSignIn() {
        String callbackUrl = atProvider(start("stub", "/after")) + "&iss=https%3A%2F%2Fother-issuer.example";
        Response callback = callback(callbackUrl);

        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/after?error=login_failed");
        assertThat(callback.getCookie(COOKIE)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "/%09/evil.example", "/%2F%2Fevil.example",
        "https://app.test:3000@evil.example", "http://app.test:3000.evil.example", "javascript:alert(1)",
        "https://evil.example/", "http://app.test:3001/"})
    void openRedirectPayloadFallsBackToDefault(String payload) {
        Response callback = callback(atProvider(start("stub", payload)));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo(HOME);
    }

    @Test
    void unknownProviderIs404() {
        given().redirects().follow(false).when().get("/v1/login/nope").then().statusCode(404)
                .body("code", is("unknown_provider"));
    }

    @Test
    void plantedCookieIsNeverAdopted() {
        String planted = "planted-" + UUID.randomUUID();
        String callbackUrl = atProvider(start("stub", null));
        Response callback = given().urlEncodingEnabled(false).redirects().follow(false).cookie(COOKIE, planted)
                .cookie(LOGIN_COOKIE, browser).when().get(callbackUrl);

        assertThat(callback.getCookie(COOKIE)).isNotNull().isNotEqualTo(planted);
        given().cookie(COOKIE, planted).when().get("/v1/session").then().body("user", nullValue());
    }

    @Test
    void logoutFromForeignOriginIsRefused() {
        String session = signIn(null);

        given().cookie(COOKIE, session).header("Origin", "https://evil.example")
                .when().post("/v1/logout")
                .then().statusCode(403).body("code", is("origin_not_allowed"));

        given().cookie(COOKIE, session).when().get("/v1/session").then().body("user.email", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void logoutEndsSessionAndClearsCookie() {
        String session = signIn(null);

        Response logout = given().cookie(COOKIE, session).header("Origin", BridgeTestResource.APP_ORIGIN)
                .when().post("/v1/logout");

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.getHeader("Set-Cookie")).contains("Max-Age=0");
        assertThat(logout.getHeader("Access-Control-Allow-Origin")).isEqualTo(BridgeTestResource.APP_ORIGIN);
        given().cookie(COOKIE, session).when().get("/v1/session").then().body("user", nullValue());
    }

    @Test
    void providerLogoutUrlOffered() {
        String session = signIn(null);

        given().cookie(COOKIE, session).queryParam("provider_logout", true)
                .when().post("/v1/logout")
                .then().statusCode(200).body("logoutUrl", org.hamcrest.Matchers.startsWith(provider.issuer() + "/logout?"));
    }

    @Test
    void sessionCorsOnlyForAllowedOrigins() {
        given().header("Origin", BridgeTestResource.APP_ORIGIN).when().get("/v1/session").then()
                .header("Access-Control-Allow-Origin", BridgeTestResource.APP_ORIGIN)
                .header("Access-Control-Allow-Credentials", "true");
        given().header("Origin", "https://evil.example").when().get("/v1/session").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").when().post("/v1/assertions").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void plasmicHostedLoginSignsIn() {
        String authorize = start("plasmic", "/dash");
        assertThat(query(authorize, "code_challenge")).matches("[0-9a-f]{64}");

        String callbackUrl = atProvider(authorize + "&email=hosted-" + UUID.randomUUID() + "@example.com");
        Response callback = callback(callbackUrl);

        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/dash");
        given().cookie(COOKIE, callback.getCookie(COOKIE)).when().get("/v1/session").then()
                .body("user.email", org.hamcrest.Matchers.startsWith("hosted-"))
                .body("user.roleId", is("normal-user"));
    }

    @Test
    void plasmicExpiredCodeReturnsError() {
        String callbackUrl = atProvider(start("plasmic", "/dash") + "&email=late@example.com");
        emulatorClock.advance(Duration.ofSeconds(61));

        Response callback = callback(callbackUrl);

        assertThat(location(callback)).isEqualTo(BridgeTestResource.APP_ORIGIN + "/dash?error=code_expired");
    }

    @Test
    void plasmicReusedCodeIsCodeReused() {
        String verifier = "v-" + UUID.randomUUID();
        String challenge = Pkce.plasmicS256(verifier);
        String codeEndpoint = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("bridge.providers.plasmic.authorize-url", String.class);
        String authorize = codeEndpoint + "?client_id=" + BridgeTestResource.PROJECT_ID
                + "&response_type=code&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri="
                + org.plasmicauthbridge.testing.TestPorts.bridgeUrl() + "/v1/callback/plasmic&state=s&email=reuse@example.com";
        String code = query(atProvider(authorize), "code");

        plasmic.exchangeCode(BridgeTestResource.PROJECT_ID, code, verifier).await().indefinitely();
        ErrorCode reused = failure(() -> plasmic.exchangeCode(BridgeTestResource.PROJECT_ID, code, verifier).await().indefinitely());

        assertThat(reused).isEqualTo(ErrorCode.CODE_REUSED);
    }

    private static ErrorCode failure(Runnable call) {
        try {
            call.run();
        } catch (BridgeException e) {
            return e.code();
        }
        throw new AssertionError("no failure");
    }
}
