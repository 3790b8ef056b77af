package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claim sets read with Jackson, compared with jose4j's own parser. */
class ClaimSetsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"https://issuer.test\",\"aud\":[\"a\",\"b\"],\"exp\":1900000000,\"email_verified\":true}",
        "{\"realm_access\":{\"roles\":[\"admin\",\"user\"]},\"n\":null,\"ratio\":0.5,\"big\":1e3}",
        "{\"name\":\"J\\u00f6rg \\\"Q\\\"\",\"empty\":{},\"list\":[]}",
        "{\"huge\":123456789012345678901234567890,\"negative\":-42}",
    })
    void sameMembersAsJose4j(String json) throws Exception {
        assertThat(ClaimSets.parse(json).getClaimsMap()).isEqualTo(JwtClaims.parse(json).getClaimsMap());
    }

    @Test
    void integersAreLongs() throws Exception {
        Map<String, Object> claims = ClaimSets.parse("{\"exp\":5,\"huge\":123456789012345678901234567890}").getClaimsMap();

        assertThat(claims.get("exp")).isEqualTo(5L);
        assertThat(claims.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void nestedValuesAreMapsAndLists() throws Exception {
        Map<String, Object> claims = ClaimSets.parse("{\"a\":{\"roles\":[\"x\"]}}").getClaimsMap();

        assertThat(claims.get("a")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) claims.get("a")).get("roles")).isEqualTo(List.of("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"a\",\"iss\":\"b\"}",
        "{\"a\":{\"role\":\"x\",\"role\":\"y\"}}",
        "{\"iss\":\"a\"} {\"iss\":\"b\"}",
        "{\"iss\":\"a\"}x",
        "[{\"iss\":\"a\"}]",
        "\"iss\"",
        "null",
        "",
        "{\"iss\":\"a\"",
    })
    void malformedClaimSetRejected(String json) {
        assertThatThrownBy(() -> ClaimSets.parse(json)).isInstanceOf(Exception.class);
    }
}
