package org.plasmicauthbridge.store;

import java.time.Duration;
import java.util.Objects;

/** The TTL rule shared by both stores, so that they accept and reject the same values. */
final class Ttls {

    private static final Duration MIN_TTL = Duration.ofMillis(1);

    private Ttls() {
    }

    /**
     * Converts a TTL to whole milliseconds. Redis takes {@code PX} in milliseconds and treats zero or a
     * negative value as an error, so a TTL under one millisecond is rejected before any command is sent.
     */
    static long toMillis(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("TTL must be at least 1 ms, got " + ttl);
        }
        return ttl.toMillis();
    }
}
