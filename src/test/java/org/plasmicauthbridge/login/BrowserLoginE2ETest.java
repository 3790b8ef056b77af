package org.plasmicauthbridge.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.HeadlessChromium;
import org.plasmicauthbridge.testing.OidcProviderResource;

/**
 * Browser sign-in from end to end: headless Chromium signs in at a real OpenID provider
 * ({@code oidc-provider} from npm, see {@link OidcProviderResource}) through the bridge, which ensures
 * the user at the Plasmic emulator and keeps the session in a cookie.
 */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcProviderResource.class, restrictToAnnotatedClass = true)
class BrowserLoginE2ETest {

    /** A page of the bridge itself, so that the browser lands on the origin whose cookie it holds. */
    private static final String RETURN_PATH = "/q/health/live";
    private static final String COOKIE = "pab_session";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bridge as the browser reaches it; read here, not injected, so other test apps need no such key. */
    private final String bridgeUrl = org.plasmicauthbridge.testing.TestPorts.bridgeUrl();

    private HeadlessChromium chromium;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void signsIn() throws Exception {
        signIn("jane");

        chromium.awaitUrl(bridgeUrl + RETURN_PATH);
        JsonNode session = readSession();
        assertThat(session.path("user").path("email").asText()).isEqualTo("jane@" + OidcProviderResource.EMAIL_DOMAIN);
        assertThat(session.path("user").path("roleId").asText()).isEqualTo("admin");
        // Compared as a boolean so that a failure message never shows the token.
        assertThat(session.path("token").asText().isEmpty()).as("session has a Plasmic token").isFalse();
        assertThat(session.path("expiresAt").asText()).isNotEmpty();
    }

    @Test
    void setsSessionCookie() {
        signIn("sam");
        chromium.awaitUrl(bridgeUrl + RETURN_PATH);

        Cookie cookie = chromium.driver().manage().getCookieNamed(COOKIE);
        // Only attributes are asserted and printed: the cookie's value is a session id.
        assertThat(cookie != null).as("cookie " + COOKIE + " is set").isTrue();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).as("SameSite").isEqualTo("Lax");
        assertThat(cookie.getPath()).as("Path").isEqualTo("/");
        assertThat(cookie.isSecure()).as("Secure with insecure-cookie=true").isFalse();
        assertThat(chromium.driver().manage().getCookieNamed("__Host-" + COOKIE) == null)
                .as("no __Host- cookie with insecure-cookie=true").isTrue();
    }

    @Test
    void cancelAtProvider() throws Exception {
        startLogin();
        chromium.await(By.name("login"));
        chromium.driver().findElement(By.linkText("[ Cancel ]")).click();

        chromium.awaitUrl(bridgeUrl + RETURN_PATH + "?error=access_denied");
        assertThat(readSession().path("user").isNull()).as("no user after a cancelled sign-in").isTrue();
    }

    private void startLogin() {
        // An absolute return_to: the bridge resolves a relative one against the origin of
        // bridge.default-return-to, which is an app that does not run in this test.
        chromium.driver().get(bridgeUrl + "/v1/login/" + OidcProviderResource.PROVIDER + "?return_to="
                + URLEncoder.encode(bridgeUrl + RETURN_PATH, StandardCharsets.UTF_8));
    }

    /**
     * Starts sign-in at the bridge, fills the provider's development login form (any login name, any
     * password) and grants consent, as a user would.
     */
    private void signIn(String login) {
        startLogin();
        chromium.await(By.name("login")).sendKeys(login);
        WebDriver driver = chromium.driver();
        driver.findElement(By.name("password")).sendKeys("any password");
        driver.findElement(By.xpath("//button[normalize-space()='Sign-in']")).click();
        chromium.await(By.xpath("//button[normalize-space()='Continue']")).click();
    }

    /** Loads the session endpoint in the same browser, so the session cookie goes along. */
    private JsonNode readSession() throws Exception {
        chromium.driver().get(bridgeUrl + "/v1/session");
        // Chromium shows a JSON response as text in a pre element.
        return JSON.readTree(chromium.await(By.tagName("pre")).getText());
    }
}
