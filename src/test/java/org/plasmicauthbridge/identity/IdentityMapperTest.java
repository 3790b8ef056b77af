package org.plasmicauthbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.config.BridgeConfig.IdentityKind;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.testing.TestConfig;

class IdentityMapperTest {

    private static BridgeConfig.Issuer issuer(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("bridge.issuers.i.issuer", "https://issuer.test");
        properties.putAll(extra);
        return TestConfig.bridge(properties).issuers().get("i");
    }

    private static Map<String, Object> claims(Object... pairs) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    private static ErrorCode failure(BridgeConfig.Issuer rules, Map<String, Object> claims) {
        try {
            IdentityMapper.map(rules, claims);
        } catch (BridgeException e) {
            return e.code();
        }
        throw new AssertionError("mapping succeeded");
    }

    @Test
    void emailIdentityIsNormalised() {
        Identity identity = IdentityMapper.map(issuer(Map.of()),
                claims("email", " Jane@Example.com ", "email_verified", true));
        assertThat(identity.kind()).isEqualTo(IdentityKind.EMAIL);
        assertThat(identity.email()).isEqualTo("jane@example.com");
        assertThat(identity.roleId()).isNull();
    }

    @Test
    void onlyJsonTrueCountsAsVerified() {
        BridgeConfig.Issuer rules = issuer(Map.of());
        for (Object notVerified : new Object[] {false, "true", "false", 1, null}) {
            Map<String, Object> claims = claims("email", "jane@example.com");
            claims.put("email_verified", notVerified);
            assertThat(failure(rules, claims)).as("email_verified=%s", notVerified).isEqualTo(ErrorCode.EMAIL_NOT_VERIFIED);
        }
    }

    @Test
    void verificationCanBeSwitchedOff() {
        Identity identity = IdentityMapper.map(issuer(Map.of("bridge.issuers.i.require-email-verified", "false")),
                claims("email", "jane@example.com"));
        assertThat(identity.email()).isEqualTo("jane@example.com");
    }

    @Test
    void externalIdFromNestedPath() {
        BridgeConfig.Issuer rules = issuer(Map.of("bridge.issuers.i.identity", "external-id",
                "bridge.issuers.i.external-id-claim", "app_metadata.user_id"));
        Identity identity = IdentityMapper.map(rules, claims("app_metadata", Map.of("user_id", "u-42")));
        assertThat(identity.externalId()).isEqualTo("u-42");
    }

    @Test
    void claimNameWithDotsReadLiterally() {
        BridgeConfig.Issuer rules = issuer(Map.of("bridge.issuers.i.identity", "external-id",
                "bridge.issuers.i.external-id-claim", "https://example.com/uid"));
        assertThat(IdentityMapper.map(rules, claims("https://example.com/uid", "u-7")).externalId()).isEqualTo("u-7");
    }

    @Test
    void overlongExternalIdRejected() {
        BridgeConfig.Issuer rules = issuer(Map.of("bridge.issuers.i.identity", "external-id"));
        assertThat(failure(rules, claims("sub", "x".repeat(257)))).isEqualTo(ErrorCode.IDENTITY_INVALID);
        assertThat(failure(rules, claims("sub", "abc\u0000def"))).isEqualTo(ErrorCode.IDENTITY_INVALID);
        assertThat(failure(rules, claims("sub", 42))).isEqualTo(ErrorCode.IDENTITY_MISSING);
    }

    @Test
    void allowedDomainsCompareExactly() {
        BridgeConfig.Issuer rules = issuer(Map.of("bridge.issuers.i.allowed-email-domains", "Example.com",
                "bridge.issuers.i.require-email-verified", "false"));
        assertThat(IdentityMapper.map(rules, claims("email", "a@EXAMPLE.com")).email()).isEqualTo("a@example.com");
        assertThat(failure(rules, claims("email", "a@sub.example.com"))).isEqualTo(ErrorCode.DOMAIN_NOT_ALLOWED);
        assertThat(failure(rules, claims("email", "a@example.com.evil.test"))).isEqualTo(ErrorCode.DOMAIN_NOT_ALLOWED);
    }

    @Test
    void rolesFromNestedClaimWithDefault() {
        BridgeConfig.Issuer rules = issuer(Map.of("bridge.issuers.i.identity", "external-id",
                "bridge.issuers.i.roles.claim", "realm_access.roles",
                "bridge.issuers.i.roles.map.editor", "role-editor",
                "bridge.issuers.i.roles.default", "role-viewer"));
        Map<String, Object> editor = claims("sub", "u1", "realm_access", Map.of("roles", List.of("offline", "editor")));
        assertThat(IdentityMapper.map(rules, editor).roleId()).isEqualTo("role-editor");
        Map<String, Object> other = claims("sub", "u1", "realm_access", Map.of("roles", List.of("offline")));
        assertThat(IdentityMapper.map(rules, other).roleId()).isEqualTo("role-viewer");
        assertThat(IdentityMapper.map(rules, claims("sub", "u1")).roleId()).isEqualTo("role-viewer");
    }

    @Test
    void identityPrintsNoValue() {
        Identity identity = new Identity(IdentityKind.EMAIL, "secret-person@example.com", "r1");
        assertThat(identity.toString()).doesNotContain("secret-person");
    }
}
