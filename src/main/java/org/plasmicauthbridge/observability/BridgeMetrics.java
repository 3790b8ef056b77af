package org.plasmicauthbridge.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bridge's own metrics; tags never carry a token, claim, secret or identifier. */
@ApplicationScoped
public class BridgeMetrics {

    @Inject
    MeterRegistry registry;

    // Looking a counter up in the registry builds its id and tags on every call; the counters are
    // few (endpoints times outcomes), so each is looked up once and kept.
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Counts a cache lookup of the named cache as a hit or a miss. */
    public void cacheLookup(String cache, boolean hit) {
        String result = hit ? "hit" : "miss";
        counter("bridge.cache.requests", "cache", cache, "result", result).increment();
    }

    /** Counts a decision of an endpoint, with the error code or {@code ok} as its outcome. */
    public void decision(String endpoint, String outcome) {
        counter("bridge.decisions", "endpoint", endpoint, "outcome", outcome).increment();
    }

    private Counter counter(String name, String firstTag, String firstValue, String secondTag, String secondValue) {
        String key = name + '\n' + firstValue + '\n' + secondValue;
        return counters.computeIfAbsent(key, k -> registry.counter(name, firstTag, firstValue, secondTag, secondValue));
    }
}
