package org.plasmicauthbridge.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.RedisTestResource;
import org.plasmicauthbridge.testing.TestAssertions;

/** {@code POST /v1/token}: RFC 8693 token exchange and the RFC 7523 JWT bearer grant. */
@QuarkusTest
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisTestResource.class, restrictToAnnotatedClass = true)
class TokenEndpointTest {

    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    @Test
    void tokenExchangeIssuesPlasmicToken() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", TOKEN_EXCHANGE)
                .formParam("subject_token", TestAssertions.rsa().sign())
                .formParam("subject_token_type", "urn:ietf:params:oauth:token-type:id_token")
                .when().post("/v1/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("issued_token_type", is(JWT_TYPE))
                .body("token_type", is("N_A"))
                .body("expires_in", greaterThan(6 * 86400))
                .body("expires_in", lessThanOrEqualTo(7 * 86400))
                .body("plasmic_user.email", is("jane@example.com"));
    }

    @Test
    void jwtBearerIssuesPlasmicToken() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", JWT_BEARER)
                .formParam("assertion", TestAssertions.hmac().sign())
                .when().post("/v1/token")
                .then().statusCode(200).body("plasmic_user.email", is("sam@example.com"));
    }

    @Test
    void rejectedAssertionIsInvalidGrant() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", JWT_BEARER)
                .formParam("assertion", TestAssertions.rsa().claim("aud", "elsewhere").sign())
                .when().post("/v1/token")
                .then().statusCode(400)
                .body("error", is("invalid_grant"))
                .body("code", is("audience_mismatch"));
    }

    @Test
    void unsupportedGrantType() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .when().post("/v1/token")
                .then().statusCode(400).body("error", is("unsupported_grant_type"));
    }

    @Test
    void repeatedParameterRejected() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", JWT_BEARER)
                .formParam("assertion", TestAssertions.rsa().sign())
                .formParam("assertion", TestAssertions.rsa().sign())
                .when().post("/v1/token")
                .then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void unknownSubjectTokenTypeRejected() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", TOKEN_EXCHANGE)
                .formParam("subject_token", TestAssertions.rsa().sign())
                .formParam("subject_token_type", "urn:ietf:params:oauth:token-type:saml2")
                .when().post("/v1/token")
                .then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void unknownAudienceIsInvalidTarget() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", JWT_BEARER)
                .formParam("assertion", TestAssertions.rsa().sign())
                .formParam("audience", "no-such-app")
                .when().post("/v1/token")
                .then().statusCode(400).body("error", is("invalid_target"));
    }
}
