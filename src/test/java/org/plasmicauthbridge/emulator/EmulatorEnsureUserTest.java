package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM_SECRET;
import static org.plasmicauthbridge.emulator.EmulatorFixture.HOSTED_SECRET;
import static org.plasmicauthbridge.emulator.EmulatorFixture.OPEN_SECRET;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmulatorEnsureUserTest {

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void missingSecretIsInvalidRequest() {
        fixture.request()
                .contentType(ContentType.JSON)
                .body(Map.of("email", "ann@example.com"))
                .post("/api/v1/app-auth/user")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void missingIdentifierIsInvalidRequest() {
        fixture.ensure(CUSTOM_SECRET, Map.of("roleId", AppRole.ADMIN))
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void emptyEmailCountsAsMissing() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", ""))
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void nonStringEmailCountsAsMissing() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", 42))
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void invalidRequestComesBeforeSecretCheck() {
        fixture.ensure("wrong-secret", Map.of())
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void wrongSecretIsInvalidToken() {
        fixture.ensure("wrong-secret", Map.of("email", "ann@example.com"))
                .then().statusCode(403).body("error", equalTo("invalid_token"));
    }

    @Test
    void hostedLoginAppIsInvalidToken() {
        fixture.ensure(HOSTED_SECRET, Map.of("email", "ann@example.com"))
                .then().statusCode(403).body("error", equalTo("invalid_token"));
    }

    @Test
    void wrongSecretStoresNoRoleRule() {
        fixture.ensure("wrong-secret", Map.of("email", "bob@example.com", "roleId", AppRole.ADMIN))
                .then().statusCode(403).body("error", equalTo("invalid_token"));

        fixture.ensure(CUSTOM_SECRET, Map.of("email", "bob@example.com"))
                .then().statusCode(403).body("error", equalTo("unauthorized_user"));
    }

    @Test
    void userWithoutRoleIsUnauthorized() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "bob@example.com"))
                .then().statusCode(403).body("error", equalTo("unauthorized_user"));

        assertThat(fixture.emulator.findUser(CUSTOM, Identity.email("bob@example.com"))).isEmpty();
    }

    @Test
    void secretInBodyIsAccepted() {
        fixture.request()
                .contentType(ContentType.JSON)
                .body(Map.of("appAuthApiToken", CUSTOM_SECRET, "email", "ann@example.com"))
                .post("/api/v1/app-auth/user")
                .then().statusCode(200).body("user.email", equalTo("ann@example.com"));
    }

    @Test
    void secretInBodyWinsOverHeader() {
        fixture.ensure(CUSTOM_SECRET, Map.of("appAuthApiToken", "wrong-secret", "email", "ann@example.com"))
                .then().statusCode(403).body("error", equalTo("invalid_token"));
    }

    @Test
    void emailRuleGivesRole() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com"))
                .then().statusCode(200)
                .body("user.roleId", equalTo("admin"))
                .body("user.roleName", equalTo("Admin"))
                .body("user.roleOrder", equalTo(2));
    }

    @Test
    void generalAccessRoleGivesRole() {
        fixture.ensure(OPEN_SECRET, Map.of("externalId", "user-7"))
                .then().statusCode(200)
                .body("user.roleId", equalTo("normal-user"))
                .body("user.externalId", equalTo("user-7"))
                .body("user.email", equalTo(null));
    }

    @Test
    void roleIdRuleLasts() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "bob@example.com", "roleId", "editor"))
                .then().statusCode(200).body("user.roleId", equalTo("editor"));

        fixture.ensure(CUSTOM_SECRET, Map.of("email", "bob@example.com"))
                .then().statusCode(200).body("user.roleId", equalTo("editor"));
    }

    @Test
    void roleIdStoredForExternalId() {
        fixture.ensure(CUSTOM_SECRET, Map.of("externalId", "user-9", "roleId", AppRole.NORMAL_USER))
                .then().statusCode(200);

        fixture.ensure(CUSTOM_SECRET, Map.of("externalId", "user-9"))
                .then().statusCode(200).body("user.roleId", equalTo("normal-user"));
    }

    @Test
    void roleIdCannotLowerBelowOtherRule() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "carl@example.org", "roleId", AppRole.ANONYMOUS))
                .then().statusCode(200).body("user.roleId", equalTo("normal-user"));
    }

    @Test
    void roleIdReplacesOwnEmailRule() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com", "roleId", AppRole.NORMAL_USER))
                .then().statusCode(200).body("user.roleId", equalTo("normal-user"));
    }

    @Test
    void highestOrderWins() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "carl@example.org"))
                .then().statusCode(200).body("user.roleId", equalTo("normal-user"));

        fixture.ensure(CUSTOM_SECRET, Map.of("email", "carl@example.org", "externalId", "ext-admin"))
                .then().statusCode(200).body("user.roleId", equalTo("admin"));
    }

    @Test
    void unknownRoleIdIsServerError() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "bob@example.com", "roleId", "no-such-role"))
                .then().statusCode(500).body("error.message", equalTo("Internal Server Error"));
    }

    @Test
    void emailCompareIsCaseSensitive() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "Ann@example.com"))
                .then().statusCode(403).body("error", equalTo("unauthorized_user"));
    }

    @Test
    void domainCompareIsCaseSensitive() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "carl@Example.org"))
                .then().statusCode(403).body("error", equalTo("unauthorized_user"));
    }

    @Test
    void propertiesAreReplaced() {
        fixture.ensure(OPEN_SECRET, Map.of("email", "dan@example.net", "properties", Map.of("plan", "pro")))
                .then().statusCode(200).body("user.properties.plan", equalTo("pro"));

        fixture.ensure(OPEN_SECRET, Map.of("email", "dan@example.net", "properties", Map.of("team", "blue")))
                .then().statusCode(200).body("user.properties", equalTo(Map.of("team", "blue")));

        assertThat(fixture.emulator.userProperties("proj-open", Identity.email("dan@example.net")))
                .contains(new JsonObject().put("team", "blue"));
    }

    @Test
    void missingPropertiesResetToEmpty() {
        fixture.ensure(OPEN_SECRET, Map.of("email", "dan@example.net", "properties", Map.of("plan", "pro")))
                .then().statusCode(200);

        fixture.ensure(OPEN_SECRET, Map.of("email", "dan@example.net"))
                .then().statusCode(200).body("user.properties", equalTo(Map.of()));

        assertThat(fixture.emulator.userProperties("proj-open", Identity.email("dan@example.net")))
                .contains(new JsonObject());
    }

    @Test
    void sameIdentifierKeepsUser() {
        String first = endUserIdOf(fixture.ensure(OPEN_SECRET, Map.of("email", "eve@example.net")));
        String second = endUserIdOf(fixture.ensure(OPEN_SECRET, Map.of("email", "eve@example.net")));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void bothIdentifiersMustMatchExistingUser() {
        String emailOnly = endUserIdOf(fixture.ensure(OPEN_SECRET, Map.of("email", "eve@example.net")));
        String both = endUserIdOf(
                fixture.ensure(OPEN_SECRET, Map.of("email", "eve@example.net", "externalId", "eve-1")));
        String bothAgain = endUserIdOf(
                fixture.ensure(OPEN_SECRET, Map.of("email", "eve@example.net", "externalId", "eve-1")));

        assertThat(both).isNotEqualTo(emailOnly);
        assertThat(bothAgain).isEqualTo(both);
    }

    @Test
    void userJsonHasPlasmicFieldOrder() {
        JsonObject user = new JsonObject(fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com"))
                .then().statusCode(200).extract().asString()).getJsonObject("user");

        assertThat(List.copyOf(user.fieldNames())).containsExactly(
                "email", "externalId", "roleId", "roleName", "roleOrder", "roleIds", "roleNames",
                "properties", "customProperties", "isLoggedIn");
        assertThat(user.getJsonArray("roleIds")).isEqualTo(new JsonArray(List.of("admin", "normal-user", "anonymous")));
        assertThat(user.getJsonArray("roleNames")).isEqualTo(new JsonArray(List.of("Admin", "Normal User", "Anonymous")));
        assertThat(user.getJsonObject("customProperties")).isEqualTo(new JsonObject());
        assertThat(user.getBoolean("isLoggedIn")).isTrue();
        assertThat(user.getValue("externalId")).isNull();
    }

    @Test
    void tokenCarriesPlasmicClaims() {
        String token = fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com"))
                .then().statusCode(200).extract().path("token");
        String[] parts = token.split("\\.");
        JsonObject header = decodePart(parts[0]);
        JsonObject claims = decodePart(parts[1]);
        long issuedAt = fixture.clock.instant().getEpochSecond();

        assertThat(header.getString("alg")).isEqualTo("HS256");
        assertThat(claims.getString("appId")).isEqualTo(CUSTOM);
        assertThat(claims.getString("endUserId"))
                .isEqualTo(fixture.emulator.findUser(CUSTOM, Identity.email("ann@example.com")).orElseThrow().id());
        assertThat(claims.getLong("iat")).isEqualTo(issuedAt);
        assertThat(claims.getLong("exp")).isEqualTo(issuedAt + 7 * 24 * 3600);
    }

    @Test
    void nonJsonBodyIsInvalidRequest() {
        fixture.request()
                .header("x-plasmic-app-auth-api-token", CUSTOM_SECRET)
                .contentType(ContentType.URLENC)
                .formParam("email", "ann@example.com")
                .post("/api/v1/app-auth/user")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        fixture.request()
                .header("x-plasmic-app-auth-api-token", CUSTOM_SECRET)
                .contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/v1/app-auth/user")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void oversizedBodyIsRejected() {
        try (EmulatorFixture small = new EmulatorFixture(256)) {
            small.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com", "properties", Map.of("x", "y".repeat(300))))
                    .then().statusCode(413)
                    .contentType(ContentType.JSON)
                    .body("error.message", equalTo("Request Entity Too Large"));
        }
    }

    @Test
    void callsAreCounted() {
        fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com"));
        fixture.ensure("wrong-secret", Map.of("email", "ann@example.com"));

        assertThat(fixture.emulator.ensureCalls()).isEqualTo(2);

        fixture.emulator.resetCounters();

        assertThat(fixture.emulator.ensureCalls()).isZero();
    }

    private static String endUserIdOf(Response response) {
        String token = response.then().statusCode(200).extract().path("token");
        return decodePart(token.split("\\.")[1]).getString("endUserId");
    }

    private static JsonObject decodePart(String part) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
