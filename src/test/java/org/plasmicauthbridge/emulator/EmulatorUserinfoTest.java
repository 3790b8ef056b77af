package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM_SECRET;
import static org.plasmicauthbridge.emulator.EmulatorFixture.OPEN;
import static org.plasmicauthbridge.emulator.EmulatorFixture.OPEN_SECRET;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmulatorUserinfoTest {

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void missingTokenIsForbidden() {
        fixture.request().get("/api/v1/app-auth/userinfo")
                .then().statusCode(403)
                .contentType(ContentType.JSON)
                .body("error.name", equalTo("ForbiddenError"))
                .body("error.statusCode", equalTo(403))
                .body("error.message", equalTo("No token provided"));
    }

    @Test
    void emptyTokenIsForbidden() {
        fixture.userinfo("").then().statusCode(403).body("error.message", equalTo("No token provided"));
    }

    @Test
    void malformedTokenIsServerError() {
        fixture.userinfo("not-a-jwt")
                .then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void foreignSignatureIsServerError() throws Exception {
        String token = ensureToken(OPEN_SECRET, "fay@example.net");
        String payload = token.split("\\.")[1];
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        forged.setKey(new HmacKey("another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)));

        fixture.userinfo(forged.getCompactSerialization())
                .then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void expiredTokenIsServerError() {
        String token = ensureToken(OPEN_SECRET, "fay@example.net");
        fixture.clock.advance(Duration.ofDays(7));

        fixture.userinfo(token).then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void tokenValidUntilExpiry() {
        String token = ensureToken(OPEN_SECRET, "fay@example.net");
        fixture.clock.advance(Duration.ofDays(7).minusSeconds(1));

        fixture.userinfo(token).then().statusCode(200).body("email", equalTo("fay@example.net"));
    }

    @Test
    void validTokenReturnsUser() {
        JsonObject ensured = new JsonObject(fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com"))
                .then().statusCode(200).extract().asString());

        String body = fixture.userinfo(ensured.getString("token"))
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();

        assertThat(new JsonObject(body)).isEqualTo(ensured.getJsonObject("user"));
    }

    @Test
    void deletedUserIsEmptyObject() {
        String token = ensureToken(OPEN_SECRET, "fay@example.net");

        assertThat(fixture.emulator.deleteUser(OPEN, Identity.email("fay@example.net"))).isEqualTo(1);
        fixture.userinfo(token).then().statusCode(200).body("$", equalTo(Map.of()));
    }

    @Test
    void revokedRoleIsEmptyObject() {
        String token = ensureToken(CUSTOM_SECRET, "ann@example.com");

        fixture.emulator.revokeRole(CUSTOM, Identity.email("ann@example.com"));

        fixture.userinfo(token).then().statusCode(200).body("$", equalTo(Map.of()));
    }

    @Test
    void roleIsRecomputedEachCall() {
        String token = ensureToken(OPEN_SECRET, "fay@example.net");
        fixture.userinfo(token).then().statusCode(200).body("roleId", equalTo("normal-user"));

        fixture.emulator.grantRole(OPEN, Identity.email("fay@example.net"), AppRole.ADMIN);

        fixture.userinfo(token).then().statusCode(200)
                .body("roleId", equalTo("admin"))
                .body("roleOrder", equalTo(2));
    }

    @Test
    void callsAreCounted() {
        fixture.request().get("/api/v1/app-auth/userinfo");
        fixture.userinfo("not-a-jwt");

        assertThat(fixture.emulator.userinfoCalls()).isEqualTo(2);
    }

    private String ensureToken(String secret, String email) {
        return fixture.ensure(secret, Map.of("email", email)).then().statusCode(200).extract().path("token");
    }
}
