package org.plasmicauthbridge.emulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import org.plasmicauthbridge.testing.MutableClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started emulator with three apps that the tests share: a custom-auth app without general
 * access, a custom-auth app with general access, and a hosted-login app. Registered as a JUnit
 * extension on an instance field, it gives every test a fresh emulator and stops it afterwards.
 */
final class EmulatorFixture implements AutoCloseable, AfterEachCallback {

    static final String CUSTOM = "proj-custom";
    static final String CUSTOM_SECRET = "custom-secret-for-tests";
    static final String OPEN = "proj-open";
    static final String OPEN_SECRET = "open-secret-for-tests";
    static final String HOSTED = "proj-hosted";
    static final String HOSTED_SECRET = "hosted-secret-for-tests";
    static final String REDIRECT_URI = "http://localhost:3000/callback";
    static final String LOOPBACK_REDIRECT_URI = "http://127.0.0.1:3000/callback";
    static final String HOSTED_DOMAIN = "my-app.plasmic.run";

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final PlasmicEmulator emulator;

    EmulatorFixture() {
        this(EmulatorSettings.DEFAULT_MAX_BODY_BYTES);
    }

    EmulatorFixture(int maxBodyBytes) {
        EmulatorSettings settings = EmulatorSettings.builder()
                .clock(clock)
                .maxBodyBytes(maxBodyBytes)
                .app(EmulatedApp.builder(CUSTOM, CUSTOM_SECRET)
                        .domainRule("@example.org", AppRole.NORMAL_USER)
                        .emailRule("ann@example.com", AppRole.ADMIN)
                        .externalIdRule("ext-admin", AppRole.ADMIN)
                        .role("editor", "Editor", 3)
                        .build())
                .app(EmulatedApp.builder(OPEN, OPEN_SECRET).generalAccessRole(AppRole.NORMAL_USER).build())
                .app(EmulatedApp.builder(HOSTED, HOSTED_SECRET)
                        .providers(AuthProvider.PLASMIC_AUTH)
                        .emailRule("ann@example.com", AppRole.ADMIN)
                        .redirectUri(REDIRECT_URI)
                        .redirectUri(LOOPBACK_REDIRECT_URI)
                        .hostedDomain(HOSTED_DOMAIN)
                        .build())
                .build();
        emulator = new PlasmicEmulator(settings);
        emulator.start("127.0.0.1", 0);
    }

    /** Starts a request to the emulator that does not follow redirects. */
    RequestSpecification request() {
        return given().baseUri(emulator.baseUrl()).redirects().follow(false);
    }

    /** Posts an ensure-user call with the secret in the header. */
    Response ensure(String secret, Map<String, ?> body) {
        return request()
                .header("x-plasmic-app-auth-api-token", secret)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/app-auth/user");
    }

    Response userinfo(String token) {
        return request().header("x-plasmic-data-user-auth-token", token).get("/api/v1/app-auth/userinfo");
    }

    @Override
    public void close() {
        emulator.stop();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
