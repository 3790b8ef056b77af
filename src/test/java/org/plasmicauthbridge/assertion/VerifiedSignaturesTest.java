package org.plasmicauthbridge.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.MutableClock;
import org.plasmicauthbridge.testing.TestAssertions;
import org.plasmicauthbridge.testing.TestConfig;
import org.plasmicauthbridge.testing.TestKeys;

/**
 * The verifier with its memory of verified signatures, outside CDI: a remembered assertion skips only
 * its signature check. The API tests cover the same memory through HTTP; these cover what needs the
 * verifier's clock or another cache size.
 */
class VerifiedSignaturesTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final CountingMetrics metrics = new CountingMetrics();

    /** Counts the lookups of the signature cache. */
    private static final class CountingMetrics extends BridgeMetrics {
        int hits;
        int misses;

        @Override
        public void cacheLookup(String cache, boolean hit) {
            if (hit) {
                hits++;
            } else {
                misses++;
            }
        }
    }

    private AssertionVerifier verifier(int verifiedSignatures) {
        Map<String, String> properties = new HashMap<>();
        properties.put("bridge.apps.main.secret", "app-secret-value");
        properties.put("bridge.issuers.ec.issuer", BridgeTestResource.EC_ISSUER);
        properties.put("bridge.issuers.ec.public-key", TestKeys.resource("keys/ec-p256-public.pem"));
        properties.put("bridge.issuers.ec.algorithms", "ES256");
        properties.put("bridge.issuers.ec.audiences", BridgeTestResource.AUDIENCE);
        properties.put("bridge.issuers.hmac.issuer", BridgeTestResource.HMAC_ISSUER);
        properties.put("bridge.issuers.hmac.hmac-secret", BridgeTestResource.HMAC_SECRET);
        properties.put("bridge.issuers.hmac.algorithms", "HS256");
        properties.put("bridge.issuers.hmac.audiences", BridgeTestResource.AUDIENCE);
        properties.put("bridge.cache.verified-signatures", Integer.toString(verifiedSignatures));
        BridgeConfig config = TestConfig.bridge(properties);
        IssuerRegistry registry = new IssuerRegistry();
        registry.config = config;
        assertThat(registry.build(clock, false)).isEmpty();

        AssertionVerifier verifier = new AssertionVerifier();
        verifier.issuers = registry;
        verifier.config = config;
        verifier.metrics = metrics;
        verifier.clock = clock;
        verifier.init();
        return verifier;
    }

    private static VerifiedAssertion verify(AssertionVerifier verifier, String assertion) {
        return verifier.verify(assertion).await().indefinitely();
    }

    @Test
    void repeatedAssertionIsRemembered() {
        AssertionVerifier verifier = verifier(10);
        String assertion = TestAssertions.ec().sign();

        verify(verifier, assertion);
        verify(verifier, assertion);

        assertThat(metrics.misses).isEqualTo(1);
        assertThat(metrics.hits).isEqualTo(1);
    }

    @Test
    void rememberedAssertionStillExpires() {
        AssertionVerifier verifier = verifier(10);
        String assertion = TestAssertions.ec().sign();
        verify(verifier, assertion);
        // The default clock skew is 60 s, and the test assertions live 300 s.
        clock.advance(Duration.ofSeconds(300 + 60 + 1));

        assertThatThrownBy(() -> verify(verifier, assertion))
                .isInstanceOfSatisfying(BridgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSERTION_EXPIRED));
        assertThat(metrics.hits).as("the signature check was skipped, the time check was not").isEqualTo(1);
    }

    @Test
    void hmacAssertionIsNotRemembered() {
        assertThat(lookupsOfTwoVerifications(verifier(10), TestAssertions.hmac().sign())).isZero();
    }

    @Test
    void sizeZeroChecksEverySignature() {
        assertThat(lookupsOfTwoVerifications(verifier(0), TestAssertions.ec().sign())).isZero();
    }

    /** Verifies the assertion twice and returns the number of signature cache lookups. */
    private int lookupsOfTwoVerifications(AssertionVerifier verifier, String assertion) {
        verify(verifier, assertion);
        verify(verifier, assertion);
        return metrics.hits + metrics.misses;
    }
}
