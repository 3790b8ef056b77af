package org.plasmicauthbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.testing.TestConfig;

class SessionCookiesTest {

    @Test
    void secureCookieUsesHostPrefix() {
        BridgeConfig config = TestConfig.bridge(Map.of());
        String header = SessionCookies.set(config, "id123", Duration.ofHours(1));

        assertThat(header).startsWith("__Host-pab_session=id123;");
        assertThat(header).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/");
        assertThat(header).doesNotContain("Domain");
    }

    @Test
    void insecureCookieDropsSecureAndPrefix() {
        BridgeConfig config = TestConfig.bridge(Map.of("bridge.session.insecure-cookie", "true"));
        String header = SessionCookies.set(config, "id123", Duration.ofHours(1));

        assertThat(header).startsWith("pab_session=id123;").doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void clearingExpiresCookie() {
        assertThat(SessionCookies.clear(TestConfig.bridge(Map.of()))).startsWith("__Host-pab_session=;").contains("Max-Age=0");
    }
}
