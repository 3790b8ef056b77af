package org.plasmicauthbridge.exchange;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.plasmicauthbridge.config.AppRegistry.App;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.identity.Identity;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.plasmic.EnsureRequest;
import org.plasmicauthbridge.plasmic.PlasmicClient;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.store.Store;

/**
 * Ensures Plasmic users and reuses their tokens. A result is cached per app, identity and role, in this
 * process and in the store, until the Plasmic token's {@code exp} minus the refresh margin. So repeated
 * sign-ins of one user call Plasmic once per token lifetime, and concurrent misses for one key share one
 * call. The cache write completes before the result is returned, so the next request on any replica
 * finds it.
 */
@ApplicationScoped
public class UserTokenService {

    @Inject
    PlasmicClient plasmic;

    @Inject
    Store store;

    @Inject
    BridgeConfig config;

    @Inject
    BridgeMetrics metrics;

    Clock clock = Clock.systemUTC();

    private ReadThroughCache<PlasmicSession> cache;

    @PostConstruct
    void createCache() {
        cache = new ReadThroughCache<>("ensure", store, new CachedSession(),
                session -> session.expiresAt().minus(config.cache().refreshMargin()),
                () -> clock.instant(), metrics, config.cache().localMaxEntries());
    }

    public Uni<PlasmicSession> ensure(App app, Identity identity) {
        String key = "ensure:" + app.name() + ":" + identity.kind() + ":" + Digests.sha256Hex(identity.value()) + ":"
                + (identity.roleId() == null ? "" : Digests.sha256Hex(identity.roleId()));
        EnsureRequest request = new EnsureRequest(identity.email(), identity.externalId(), identity.roleId());
        return cache.get(key, () -> ensureWithRotation(app, request));
    }

    /**
     * Calls Plasmic with the app's secret and, when Plasmic rejects it and a secondary secret is
     * configured, once more with that one: during a rotation either may be the one Plasmic accepts.
     */
    private Uni<PlasmicSession> ensureWithRotation(App app, EnsureRequest request) {
        Uni<PlasmicSession> primary = plasmic.ensureUser(app.secret(), request);
        if (app.secondarySecret().isEmpty()) {
            return primary;
        }
        return primary.onFailure(failure -> failure instanceof BridgeException bridge
                        && bridge.code() == ErrorCode.UPSTREAM_MISCONFIGURED)
                .recoverWithUni(() -> {
                    Log.warnf("Plasmic rejected the secret of app %s; using its secondary secret. Make the "
                            + "accepted secret bridge.apps.%s.secret to finish the rotation", app.name(), app.name());
                    return plasmic.ensureUser(app.secondarySecret().get(), request);
                });
    }
}
