package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.plasmicauthbridge.api.ApiTestSupport.exchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.emulator.PlasmicEmulator;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.RedisTestResource;
import org.plasmicauthbridge.testing.TestAssertions;

/** Checking Plasmic user tokens: {@code /v1/verify}, {@code /v1/userinfo} and Plasmic's own userinfo path. */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisTestResource.class, restrictToAnnotatedClass = true)
class VerificationTest {

    PlasmicEmulator emulator;

    private static String freshToken(String email) {
        return exchange(TestAssertions.rsa().claim("email", email).sign())
                .then().statusCode(200).extract().path("token");
    }

    /** A token shaped like Plasmic's, signed with a key Plasmic does not have. */
    private static String craftedToken(String appId, long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"appId\":\"" + appId + "\",\"endUserId\":\"u1\",\"iat\":1,\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    @Test
    void verifyActiveTokenReturnsUser() {
        String email = "verify-" + UUID.randomUUID() + "@example.com";
        String token = freshToken(email);

        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/v1/verify")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", is(true))
                .body("user.email", is(email))
                .body("expiresAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void verifyCachesPlasmicAnswer() {
        String token = freshToken("cache-" + UUID.randomUUID() + "@example.com");
        long before = emulator.userinfoCalls();

        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("token", token))
                    .when().post("/v1/verify").then().statusCode(200).body("active", is(true));
        }

        assertThat(emulator.userinfoCalls()).isEqualTo(before + 1);
    }

    @Test
    void verifyGarbageIsInactiveWithoutPlasmicCall() {
        long before = emulator.userinfoCalls();
        given().contentType(ContentType.JSON).body(Map.of("token", "not-a-token"))
                .when().post("/v1/verify")
                .then().statusCode(200).body("active", is(false)).body("user", nullValue());
        assertThat(emulator.userinfoCalls()).isEqualTo(before);
    }

    @Test
    void verifyExpiredTokenIsInactiveWithoutPlasmicCall() {
        long before = emulator.userinfoCalls();
        String expired = craftedToken(BridgeTestResource.PROJECT_ID, Instant.now().getEpochSecond() - 10);
        given().contentType(ContentType.JSON).body(Map.of("token", expired))
                .when().post("/v1/verify")
                .then().statusCode(200).body("active", is(false));
        assertThat(emulator.userinfoCalls()).isEqualTo(before);
    }

    @Test
    void verifyTokenOfOtherAppIsInactive() {
        long before = emulator.userinfoCalls();
        String foreign = craftedToken("another-project", Instant.now().getEpochSecond() + 3600);
        given().contentType(ContentType.JSON).body(Map.of("token", foreign))
                .when().post("/v1/verify")
                .then().statusCode(200).body("active", is(false));
        assertThat(emulator.userinfoCalls()).isEqualTo(before);
    }

    @Test
    void forgedTokenIsTreatedAsOutage() {
        String forged = craftedToken(BridgeTestResource.PROJECT_ID, Instant.now().getEpochSecond() + 3600);
        given().contentType(ContentType.JSON).body(Map.of("token", forged))
                .when().post("/v1/verify")
                .then().statusCode(503).body("code", is("upstream_unavailable"));
    }

    @Test
    void verifyWithoutTokenRejected() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/v1/verify")
                .then().statusCode(400).body("code", is("invalid_request"));
    }

    @Test
    void userinfoWithBearerReturnsUser() {
        String email = "userinfo-" + UUID.randomUUID() + "@example.com";
        given().header("Authorization", "Bearer " + freshToken(email))
                .when().get("/v1/userinfo")
                .then().statusCode(200).body("email", is(email)).body("isLoggedIn", is(true));
    }

    @Test
    void userinfoWithBadTokenIs401() {
        given().header("Authorization", "Bearer not-a-token")
                .when().get("/v1/userinfo")
                .then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"))
                .body("code", is("invalid_token"));
    }

    @Test
    void userinfoWithoutHeaderIs401() {
        given().when().get("/v1/userinfo").then().statusCode(401).body("code", is("invalid_token"));
    }

    @Test
    void deletedUserIsInactive() {
        String email = "deleted-" + UUID.randomUUID() + "@example.com";
        String token = freshToken(email);
        emulator.deleteUser(BridgeTestResource.PROJECT_ID, org.plasmicauthbridge.emulator.Identity.email(email));

        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/v1/verify")
                .then().statusCode(200).body("active", is(false));
    }

    @Test
    void plasmicUserinfoReturnsUser() {
        String email = "compat-" + UUID.randomUUID() + "@example.com";
        given().header("x-plasmic-data-user-auth-token", freshToken(email))
                .when().get("/api/v1/app-auth/userinfo")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("email", is(email))
                .body("roleNames[0]", is("Normal User"));
    }

    @Test
    void plasmicUserinfoWithoutHeaderIsPlasmics403() {
        given().when().get("/api/v1/app-auth/userinfo")
                .then().statusCode(403)
                .body("error.name", is("ForbiddenError"))
                .body("error.statusCode", is(403))
                .body("error.message", is("No token provided"));
    }

    @Test
    void plasmicUserinfoWithBadTokenIs401() {
        given().header("x-plasmic-data-user-auth-token", "not-a-token")
                .when().get("/api/v1/app-auth/userinfo")
                .then().statusCode(401).body("error.statusCode", is(401)).body("error.message", is("Invalid token"));
    }
}
