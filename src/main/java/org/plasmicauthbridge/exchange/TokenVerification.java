package org.plasmicauthbridge.exchange;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.plasmic.PlasmicClient;
import org.plasmicauthbridge.plasmic.PlasmicTokens.TokenClaims;
import org.plasmicauthbridge.plasmic.PlasmicTokens;
import org.plasmicauthbridge.plasmic.PlasmicUser;
import org.plasmicauthbridge.store.Store;

/**
 * Checks Plasmic user tokens. A token that is not well-formed, or whose {@code exp} has passed, is
 * inactive without a call to Plasmic. Otherwise Plasmic's response is cached per token hash, in this
 * process and in the store, for the verify TTL and never past {@code exp}. A Plasmic outage fails the
 * call (503) and never makes a token inactive.
 */
@ApplicationScoped
public class TokenVerification {

    /** The result: the user when the token is active, with the token's expiry. */
    public record Outcome(PlasmicUser user, Instant expiresAt) {

        static final Outcome INACTIVE = new Outcome(null, null);

        public boolean active() {
            return user != null;
        }
    }

    @Inject
    PlasmicClient plasmic;

    @Inject
    Store store;

    @Inject
    BridgeConfig config;

    @Inject
    BridgeMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** An outcome and the time until which it is reused: the verify TTL after Plasmic's response, at most {@code exp}. */
    record Checked(Outcome outcome, Instant until) {
    }

    private ReadThroughCache<Checked> cache;

    /** The configured apps' project ids, read once instead of on every verify. */
    private Set<String> projectIds;

    @PostConstruct
    void init() {
        projectIds = config.apps().values().stream()
                .flatMap(app -> app.projectId().stream())
                .collect(Collectors.toUnmodifiableSet());
        cache = new ReadThroughCache<>("verify", store, new CachedOutcome(), Checked::until, () -> clock.instant(),
                metrics, config.cache().localMaxEntries());
    }

    public Uni<Outcome> verify(String token) {
        Optional<TokenClaims> claims = PlasmicTokens.read(token, config.limits().maxTokenChars());
        if (claims.isEmpty() || !knownApp(claims.get()) || !clock.instant().isBefore(claims.get().expiresAt())) {
            return Uni.createFrom().item(Outcome.INACTIVE);
        }
        Instant expiresAt = claims.get().expiresAt();
        String key = "verify:v2:" + Digests.sha256Hex(token);
        return cache.get(key, () -> askPlasmic(token, expiresAt)).map(Checked::outcome);
    }

    private Uni<Checked> askPlasmic(String token, Instant expiresAt) {
        return plasmic.userinfo(token).map(result -> {
            Instant ttlEnd = clock.instant().plus(config.cache().verifyTtl());
            Instant until = ttlEnd.isBefore(expiresAt) ? ttlEnd : expiresAt;
            return new Checked(result.loggedIn() ? new Outcome(result.user(), expiresAt) : Outcome.INACTIVE, until);
        });
    }

    /** When apps name their Plasmic project ids, a token must belong to one of them. */
    private boolean knownApp(TokenClaims claims) {
        return projectIds.isEmpty() || projectIds.contains(claims.appId());
    }
}
