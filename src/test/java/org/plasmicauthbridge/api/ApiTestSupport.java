package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.plasmicauthbridge.emulator.PlasmicEmulator;
import org.plasmicauthbridge.testing.LogCapture;

/** Requests and checks shared by the API tests. */
final class ApiTestSupport {

    private ApiTestSupport() {
    }

    static Response exchange(String assertion) {
        return given().contentType(ContentType.JSON).body(Map.of("assertion", assertion))
                .when().post("/v1/assertions");
    }

    /**
     * Posts the assertion and checks that it is rejected with the status and code, that Plasmic got no
     * ensure call, and that no part of the assertion appears in the answer or the log.
     */
    static String assertRejected(PlasmicEmulator emulator, LogCapture logs, String assertion, int status, String code) {
        long ensuresBefore = emulator.ensureCalls();
        String body = exchange(assertion).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("code", is(code))
                .body("status", is(status))
                .extract().asString();
        assertThat(emulator.ensureCalls()).as("ensure calls to Plasmic").isEqualTo(ensuresBefore);
        assertNothingOf(assertion, body, logs);
        return body;
    }

    /**
     * Returns the value of one {@code /q/metrics} series, such as {@code name{tag="value"}}, or 0 when
     * the series is missing.
     */
    static double metric(String series) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = series + " ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElse(0);
    }

    /** Checks that neither the payload nor the signature of a compact JWS appears in the text or the log. */
    static void assertNothingOf(String compact, String body, LogCapture logs) {
        String[] parts = compact.split("\\.", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() >= 8) {
                assertThat(body).as("answer").doesNotContain(parts[i]);
                assertThat(logs.all()).as("log").doesNotContain(parts[i]);
            }
        }
    }
}
