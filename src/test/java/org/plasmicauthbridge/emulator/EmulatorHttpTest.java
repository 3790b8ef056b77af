package org.plasmicauthbridge.emulator;

import static org.hamcrest.Matchers.equalTo;
import static org.plasmicauthbridge.emulator.EmulatorFixture.CUSTOM_SECRET;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviour that every endpoint shares: CORS, caching and JSON responses for unknown routes. */
class EmulatorHttpTest {

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void successCarriesCorsAndNoStore() {
        assertCommonHeaders(fixture.ensure(CUSTOM_SECRET, Map.of("email", "ann@example.com")), 200);
    }

    @Test
    void errorCarriesCorsAndNoStore() {
        assertCommonHeaders(fixture.userinfo("not-a-jwt"), 500);
    }

    @Test
    void redirectCarriesCorsAndNoStore() {
        Response response = fixture.request()
                .queryParams(EmulatorAuthorizeTest.validParams())
                .get("/api/v1/app-auth/code");

        response.then().statusCode(302);
        response.then().header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-store");
    }

    @Test
    void unknownPathIsJsonNotFound() {
        Response response = fixture.request().get("/api/v1/app-auth/nothing-here");

        assertCommonHeaders(response, 404);
        response.then().body("error.message", equalTo("Not Found"));
    }

    @Test
    void wrongMethodIsJsonMethodNotAllowed() {
        Response response = fixture.request().post("/api/v1/app-auth/userinfo");

        assertCommonHeaders(response, 405);
        response.then().body("error.message", equalTo("Method Not Allowed"));
    }

    @Test
    void preflightAllowsRequestedHeaders() {
        fixture.request()
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-plasmic-data-user-auth-token")
                .options("/api/v1/app-auth/userinfo")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Headers", "x-plasmic-data-user-auth-token");
    }

    private static void assertCommonHeaders(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "no-store");
    }
}
