package org.plasmicauthbridge.store;

import io.quarkus.logging.Log;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the store: UP when a ping succeeds, DOWN otherwise. The response carries only the
 * check name and status, never an address, key or error text.
 */
@Readiness
@ApplicationScoped
public class StoreHealthCheck implements AsyncHealthCheck {

    static final String NAME = "store";

    private final Store store;

    // Probes repeat every few seconds, so only a change between UP and DOWN is logged.
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    @Inject
    public StoreHealthCheck(Store store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.ping()
                .map(ignored -> up())
                .onFailure().recoverWithItem(this::down);
    }

    private HealthCheckResponse up() {
        if (lastUp.compareAndSet(false, true)) {
            Log.info("Store ping succeeded, readiness is UP again");
        }
        return HealthCheckResponse.up(NAME);
    }

    private HealthCheckResponse down(Throwable failure) {
        if (lastUp.compareAndSet(true, false)) {
            Log.warn("Store ping failed, so readiness is DOWN until a ping succeeds", failure);
        }
        return HealthCheckResponse.down(NAME);
    }
}
