package org.plasmicauthbridge.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Authorization codes already exchanged. A code is kept only until it expires, because the token
 * endpoint checks expiry before reuse, so an expired code gets {@code code_expired} whether or
 * not it was used. That keeps this set small however long the emulator runs.
 */
final class UsedCodes {

    private final Map<String, Long> expiryByCodeId = new HashMap<>();

    synchronized boolean contains(String codeId) {
        return expiryByCodeId.containsKey(codeId);
    }

    /** Marks the code used; returns false when it was marked already, as by a concurrent exchange. */
    synchronized boolean markUsed(String codeId, long expiresAtMillis, long nowMillis) {
        expiryByCodeId.values().removeIf(expiry -> expiry < nowMillis);
        return expiryByCodeId.putIfAbsent(codeId, expiresAtMillis) == null;
    }
}
