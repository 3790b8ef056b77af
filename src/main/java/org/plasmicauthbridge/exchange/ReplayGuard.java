package org.plasmicauthbridge.exchange;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.plasmicauthbridge.assertion.VerifiedAssertion;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.store.Store;

/**
 * Single use of assertions from issuers with {@code single-use}: the first use of an issuer's
 * {@code jti} sets a mark that lives until the assertion's {@code exp} plus the clock skew, in the
 * shared store, so a reuse is rejected on every replica. The mark is keyed by issuer and {@code jti},
 * never by a hash of the token, because ECDSA signatures are malleable: one assertion can be re-signed
 * into another valid byte string.
 */
@ApplicationScoped
public class ReplayGuard {

    @Inject
    Store store;

    Clock clock = Clock.systemUTC();

    /** Marks the assertion as used, or fails with {@code assertion_reused}. */
    public Uni<Void> markUsed(VerifiedAssertion assertion) {
        if (!assertion.issuer().config().singleUse()) {
            return Uni.createFrom().voidItem();
        }
        Duration ttl = Duration.between(clock.instant(), assertion.expiresAt())
                .plus(assertion.issuer().config().clockSkew());
        if (ttl.toSeconds() < 1) {
            ttl = Duration.ofSeconds(1);
        }
        return store.putIfAbsent(key(assertion), "1", ttl).map(stored -> {
            if (!stored) {
                throw new BridgeException(ErrorCode.ASSERTION_REUSED, "This assertion's jti was already used");
            }
            return null;
        });
    }

    /** Removes the mark again, so that a client may retry an assertion whose exchange failed upstream. */
    public Uni<Void> release(VerifiedAssertion assertion) {
        if (!assertion.issuer().config().singleUse()) {
            return Uni.createFrom().voidItem();
        }
        return store.delete(key(assertion)).replaceWithVoid();
    }

    private static String key(VerifiedAssertion assertion) {
        return "jti:" + Digests.sha256Hex(assertion.issuer().config().issuer()) + ":" + Digests.sha256Hex(assertion.jti());
    }
}
