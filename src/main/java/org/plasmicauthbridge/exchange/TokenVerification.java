package org.plasmicauthbridge.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
 * inactive without a call to Plasmic; otherwise Plasmic's response is cached per token hash for the
 * verify TTL, never past {@code exp}. A Plasmic outage fails the call (503); it never makes a token
 * inactive.
 */
@ApplicationScoped
public class TokenVerification {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_LOGGED_IN = "{}";

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

    private final SingleFlight<Outcome> flights = new SingleFlight<>();

    /** The configured apps' project ids, read once instead of on every verify. */
    private Set<String> projectIds;

    @PostConstruct
    void readProjectIds() {
        projectIds = config.apps().values().stream()
                .flatMap(app -> app.projectId().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Uni<Outcome> verify(String token) {
        Optional<TokenClaims> claims = PlasmicTokens.read(token, config.limits().maxTokenChars());
        if (claims.isEmpty() || !knownApp(claims.get()) || !clock.instant().isBefore(claims.get().expiresAt())) {
            return Uni.createFrom().item(Outcome.INACTIVE);
        }
        Instant expiresAt = claims.get().expiresAt();
        String key = "verify:" + Digests.sha256Hex(token);
        return store.get(key).flatMap(stored -> {
            Outcome cached = stored == null ? null : outcome(stored, expiresAt);
            metrics.cacheLookup("verify", cached != null);
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            // A lookup can miss just before another request stores Plasmic's response and leaves the flight.
            // Looking again inside the flight keeps the late request from calling Plasmic a second time.
            return flights.run(key, () -> store.get(key).flatMap(again -> {
                Outcome late = again == null ? null : outcome(again, expiresAt);
                return late != null ? Uni.createFrom().item(late) : askPlasmic(key, token, expiresAt);
            }));
        });
    }

    private Uni<Outcome> askPlasmic(String key, String token, Instant expiresAt) {
        return plasmic.userinfo(token).flatMap(result -> {
            String stored = result.loggedIn() ? result.user().json().toString() : NOT_LOGGED_IN;
            Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
            Duration ttl = untilExpiry.compareTo(config.cache().verifyTtl()) < 0 ? untilExpiry : config.cache().verifyTtl();
            Outcome outcome = result.loggedIn() ? new Outcome(result.user(), expiresAt) : Outcome.INACTIVE;
            if (ttl.toSeconds() < 1) {
                return Uni.createFrom().item(outcome);
            }
            return store.put(key, stored, ttl).replaceWith(outcome);
        });
    }

    /** Returns the cached outcome, or null when the stored text cannot be read (then it is a miss). */
    private static Outcome outcome(String stored, Instant expiresAt) {
        try {
            ObjectNode user = (ObjectNode) JSON.readTree(stored);
            return user.isEmpty() ? Outcome.INACTIVE : new Outcome(new PlasmicUser(user), expiresAt);
        } catch (Exception e) {
            return null;
        }
    }

    /** When apps name their Plasmic project ids, a token must belong to one of them. */
    private boolean knownApp(TokenClaims claims) {
        return projectIds.isEmpty() || projectIds.contains(claims.appId());
    }
}
