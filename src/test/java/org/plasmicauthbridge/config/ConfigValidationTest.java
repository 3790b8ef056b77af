package org.plasmicauthbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.assertion.IssuerRegistryAccess;
import org.plasmicauthbridge.testing.TestConfig;
import org.plasmicauthbridge.testing.TestKeys;

/** Start-up validation: every problem is reported at once, each naming its key. */
class ConfigValidationTest {

    private static Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("bridge.apps.main.secret", "app-secret-value");
        properties.put("bridge.issuers.svc.issuer", "svc");
        properties.put("bridge.issuers.svc.hmac-secret", "0123456789abcdef0123456789abcdef");
        properties.put("bridge.issuers.svc.algorithms", "HS256");
        properties.put("bridge.issuers.svc.audiences", "bridge");
        return properties;
    }

    private static List<String> problems(Map<String, String> properties, boolean production) {
        BridgeConfig config = TestConfig.bridge(properties);
        List<String> problems = new ArrayList<>(ConfigChecker.check(config, production));
        AppRegistry apps = new AppRegistry();
        apps.config = config;
        problems.addAll(apps.build());
        problems.addAll(IssuerRegistryAccess.build(config, Clock.systemUTC(), production));
        return problems;
    }

    @Test
    void validConfigurationHasNoProblem() {
        assertThat(problems(valid(), true)).isEmpty();
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Map<String, String> properties = valid();
        properties.remove("bridge.apps.main.secret");
        properties.put("bridge.apps.main.project-id", "project-without-secret");
        properties.put("bridge.issuers.svc.algorithms", "HS256,none,RS256");
        properties.put("bridge.issuers.svc.audiences", "");
        properties.put("bridge.plasmic.host", "http://plasmic.example.com");

        List<String> problems = problems(properties, false);

        assertThat(problems).anyMatch(p -> p.startsWith("bridge.apps.main.secret"));
        assertThat(problems).anyMatch(p -> p.contains("must never hold none"));
        assertThat(problems).anyMatch(p -> p.contains("only an hmac-secret"));
        assertThat(problems).anyMatch(p -> p.startsWith("bridge.issuers.svc.audiences"));
        assertThat(problems).anyMatch(p -> p.startsWith("bridge.plasmic.host"));
    }

    @Test
    void negativeLocalCacheSizeRefused() {
        Map<String, String> properties = valid();
        properties.put("bridge.cache.local-max-entries", "-1");
        assertThat(problems(properties, false)).anyMatch(p -> p.startsWith("bridge.cache.local-max-entries"));
    }

    @Test
    void negativeSignatureCacheSizeRefused() {
        Map<String, String> properties = valid();
        properties.put("bridge.cache.verified-signatures", "-1");
        assertThat(problems(properties, false)).anyMatch(p -> p.startsWith("bridge.cache.verified-signatures"));
    }

    @Test
    void logFlushIntervalOutsideItsRangeRefused() {
        for (String interval : List.of("-1s", "11s")) {
            Map<String, String> properties = valid();
            properties.put("bridge.log.flush-interval", interval);
            assertThat(problems(properties, false)).as(interval).anyMatch(p -> p.startsWith("bridge.log.flush-interval"));
        }
        Map<String, String> properties = valid();
        properties.put("bridge.log.flush-interval", "0s");
        assertThat(problems(properties, false)).isEmpty();
    }

    @Test
    void noneInAnyCasingRefused() {
        for (String none : List.of("none", "NONE", "None")) {
            Map<String, String> properties = valid();
            properties.put("bridge.issuers.svc.algorithms", "HS256," + none);
            assertThat(problems(properties, false)).as(none).anyMatch(p -> p.contains("must never hold none"));
        }
    }

    @Test
    void hmacAlgorithmWithoutSecretRefused() {
        Map<String, String> properties = valid();
        properties.remove("bridge.issuers.svc.hmac-secret");
        properties.put("bridge.issuers.svc.public-key", TestKeys.resource("keys/ec-p256-public.pem"));
        properties.put("bridge.issuers.svc.algorithms", "ES256,HS256");
        assertThat(problems(properties, false)).anyMatch(p -> p.contains("HS256 but the issuer has no hmac-secret"));
    }

    @Test
    void shortHmacSecretRefused() {
        Map<String, String> properties = valid();
        properties.put("bridge.issuers.svc.hmac-secret", "too-short");
        assertThat(problems(properties, false)).anyMatch(p -> p.contains("at least 32 bytes"));
    }

    @Test
    void issuerWithoutKeyRefused() {
        Map<String, String> properties = valid();
        properties.remove("bridge.issuers.svc.hmac-secret");
        properties.remove("bridge.issuers.svc.algorithms");
        assertThat(problems(properties, false)).anyMatch(p -> p.contains("has no key"));
    }

    @Test
    void plainHttpJwksOnlyOnLoopback() {
        Map<String, String> properties = valid();
        properties.put("bridge.issuers.svc.jwks-uri", "http://idp.example.com/jwks");
        assertThat(problems(properties, false)).anyMatch(p -> p.startsWith("bridge.issuers.svc.jwks-uri"));
        properties.put("bridge.issuers.svc.jwks-uri", "http://127.0.0.1:8000/jwks");
        assertThat(problems(properties, false)).isEmpty();
    }

    @Test
    void unknownAppRefused() {
        Map<String, String> properties = valid();
        properties.put("bridge.issuers.svc.app", "missing");
        assertThat(problems(properties, false)).anyMatch(p -> p.contains("unknown app missing"));
    }

    @Test
    void secretFileIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path file = folder.resolve("secret");
        java.nio.file.Files.writeString(file, "from-a-file\n");
        Map<String, String> properties = valid();
        properties.remove("bridge.apps.main.secret");
        properties.put("bridge.apps.main.secret-file", file.toString());
        BridgeConfig config = TestConfig.bridge(properties);
        AppRegistry apps = new AppRegistry();
        apps.config = config;
        assertThat(apps.build()).isEmpty();
        assertThat(apps.find("main").orElseThrow().secret()).isEqualTo("from-a-file");
        assertThat(apps.find("main").orElseThrow().toString()).doesNotContain("from-a-file");
    }

    @Test
    void missingSecretFileNamedWithoutContent() {
        Map<String, String> properties = valid();
        properties.remove("bridge.apps.main.secret");
        properties.put("bridge.apps.main.secret-file", "/nonexistent/secret");
        assertThat(problems(properties, false)).anyMatch(p -> p.startsWith("bridge.apps.main.secret-file: cannot read"));
    }

    @Test
    void productionRefusesEmulatorAndDemoIssuer() {
        Map<String, String> properties = valid();
        properties.put("bridge.emulator.enabled", "true");
        properties.put("bridge.issuers.demo.issuer", ConfigChecker.DEMO_ISSUER);
        properties.put("bridge.issuers.demo.public-key", TestKeys.resource("keys/demo-issuer-public.pem"));
        properties.put("bridge.issuers.demo.audiences", "bridge");

        List<String> production = problems(properties, true);
        assertThat(production).anyMatch(p -> p.startsWith("bridge.emulator.enabled"));
        assertThat(production).anyMatch(p -> p.contains("bridge.issuers.demo is the demo issuer"));
        assertThat(production).anyMatch(p -> p.contains("demo issuer's key"));

        assertThat(problems(properties, false)).isEmpty();
    }

    @Test
    void demoKeyUnderAnotherNameRefusedInProduction() {
        Map<String, String> properties = valid();
        properties.put("bridge.issuers.copy.issuer", "https://renamed.example.com");
        properties.put("bridge.issuers.copy.public-key", TestKeys.resource("keys/demo-issuer-public.pem"));
        properties.put("bridge.issuers.copy.audiences", "bridge");
        assertThat(problems(properties, true)).anyMatch(p -> p.contains("demo issuer's key"));
    }
}
