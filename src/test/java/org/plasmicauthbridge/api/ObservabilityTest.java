package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.plasmicauthbridge.api.ApiTestSupport.exchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.RedisTestResource;
import org.plasmicauthbridge.testing.TestAssertions;

/** Health checks and Prometheus metrics as an operator reads them. */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisTestResource.class, restrictToAnnotatedClass = true)
class ObservabilityTest {

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void readinessChecksStore() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("store"));
    }

    @Test
    void metricsCountDecisionsCachesAndUpstreamCalls() {
        String token = exchange(TestAssertions.rsa().claim("email", "metrics@example.com").sign())
                .then().statusCode(200).extract().path("token");
        exchange(TestAssertions.rsa().claim("aud", "elsewhere").sign()).then().statusCode(401);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("bridge_decisions_total{endpoint=\"assertions\",outcome=\"ok\"}");
        assertThat(metrics).contains("bridge_decisions_total{endpoint=\"assertions\",outcome=\"audience_mismatch\"}");
        assertThat(metrics).contains("bridge_cache_requests_total{cache=\"ensure\"");
        assertThat(metrics).contains("bridge_plasmic_calls_seconds_bucket{operation=\"ensure_user\"");
        assertThat(metrics).contains("http_server_requests_seconds_bucket");
        assertThat(metrics).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(metrics).doesNotContain("metrics@example.com");
    }

    @Test
    void unsupportedGrantCountsAsDecision() {
        String series = "bridge_decisions_total{endpoint=\"token\",outcome=\"unsupported_grant_type\"}";
        double before = ApiTestSupport.metric(series);

        given().formParam("grant_type", "password").when().post("/v1/token").then().statusCode(400);

        assertThat(ApiTestSupport.metric(series)).isEqualTo(before + 1);
    }

    @Test
    void rejectedMethodCountsAsDecision() {
        String series = "bridge_decisions_total{endpoint=\"assertions\",outcome=\"method_not_allowed\"}";
        double before = ApiTestSupport.metric(series);

        given().when().get("/v1/assertions").then().statusCode(405);

        assertThat(ApiTestSupport.metric(series)).isEqualTo(before + 1);
    }
}
