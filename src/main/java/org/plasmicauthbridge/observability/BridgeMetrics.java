package org.plasmicauthbridge.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The bridge's own metrics; tags never carry a token, claim, secret or identifier. */
@ApplicationScoped
public class BridgeMetrics {

    @Inject
    MeterRegistry registry;

    /** Counts a cache lookup of the named cache as a hit or a miss. */
    public void cacheLookup(String cache, boolean hit) {
        registry.counter("bridge.cache.requests", "cache", cache, "result", hit ? "hit" : "miss").increment();
    }

    /** Counts a decision of an endpoint, with the error code or {@code ok} as its outcome. */
    public void decision(String endpoint, String outcome) {
        registry.counter("bridge.decisions", "endpoint", endpoint, "outcome", outcome).increment();
    }
}
