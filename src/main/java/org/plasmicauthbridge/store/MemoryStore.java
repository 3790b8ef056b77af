package org.plasmicauthbridge.store;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A store in this process's memory, for a single instance and for development. Replicas do not
 * share it, so single-use marks and sessions only hold within one process.
 *
 * <p>Reads take no lock. Writes run under one lock, which makes {@code putIfAbsent} and
 * {@code take} atomic and keeps the entry count at or below {@code maxEntries} at every moment.
 * Each write also removes up to eight expired entries, so expired entries leave memory without a
 * background timer and no call pays for a large backlog. Expired entries are never returned, and
 * while no write removes them they still count toward {@code maxEntries}.
 *
 * <p>When the store is full, a new key evicts the entry nearest expiry (the earliest written among
 * equal expiries). That entry has the least lifetime left, and for a single-use mark it belongs to
 * the assertion that stops being accepted first.
 * NOTE: a flood of writes can still evict live single-use marks and so let an assertion be
 * replayed. Deployments that need a hard guarantee use the Redis store.
 */
public final class MemoryStore implements Store {

    private static final int SWEEP_LIMIT = 8;

    private static final Comparator<Entry> NEAREST_EXPIRY_FIRST =
            Comparator.comparingLong(Entry::expiresAtMillis).thenComparingLong(Entry::sequence);

    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();

    // Guarded by writeLock: the entries of the map, ordered for sweeping and eviction.
    private final TreeSet<Entry> byExpiry = new TreeSet<>(NEAREST_EXPIRY_FIRST);
    private long nextSequence;

    /**
     * Creates an empty store.
     *
     * @param clock source of the current time, which decides expiry
     * @param maxEntries maximum number of entries, at least 1
     */
    public MemoryStore(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxEntries = maxEntries;
    }

    @Override
    public Uni<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        requireKeyAndValue(key, value);
        long ttlMillis = Ttls.toMillis(ttl);
        return Uni.createFrom().item(() -> underWriteLock(() -> {
            long now = clock.millis();
            Entry current = entries.get(key);
            if (current != null && !current.expiredAt(now)) {
                return false;
            }
            insert(key, value, now, ttlMillis);
            return true;
        }));
    }

    @Override
    public Uni<Void> put(String key, String value, Duration ttl) {
        requireKeyAndValue(key, value);
        long ttlMillis = Ttls.toMillis(ttl);
        return Uni.createFrom().item(() -> underWriteLock(() -> {
            insert(key, value, clock.millis(), ttlMillis);
            return null;
        }));
    }

    @Override
    public Uni<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return Uni.createFrom().item(() -> {
            Entry entry = entries.get(key);
            return entry == null || entry.expiredAt(clock.millis()) ? null : entry.value();
        });
    }

    @Override
    public Uni<String> take(String key) {
        Objects.requireNonNull(key, "key");
        return Uni.createFrom().item(() -> underWriteLock(() -> {
            Entry removed = remove(key, clock.millis());
            return removed == null ? null : removed.value();
        }));
    }

    @Override
    public Uni<Boolean> delete(String key) {
        Objects.requireNonNull(key, "key");
        return Uni.createFrom().item(() -> underWriteLock(() -> remove(key, clock.millis()) != null));
    }

    @Override
    public Uni<Void> ping() {
        return Uni.createFrom().voidItem();
    }

    /** Returns the number of entries held, expired ones included until they are swept. */
    int size() {
        return underWriteLock(entries::size);
    }

    private <T> T underWriteLock(Supplier<T> action) {
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Stores a new entry for the key, making room first. Call only under the write lock. */
    private void insert(String key, String value, long now, long ttlMillis) {
        sweepExpired(now);
        Entry previous = entries.get(key);
        if (previous != null) {
            byExpiry.remove(previous);
        } else {
            evictUntilRoomForOne();
        }
        long expiresAt = ttlMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ttlMillis;
        Entry entry = new Entry(key, value, expiresAt, nextSequence++);
        byExpiry.add(entry);
        // Replacing in place, so that a lock-free reader never sees the key missing mid-update.
        entries.put(key, entry);
    }

    private void evictUntilRoomForOne() {
        while (entries.size() >= maxEntries) {
            Entry evicted = byExpiry.pollFirst();
            entries.remove(evicted.key());
        }
    }

    /** Removes the key and returns its entry, or null when it was absent or expired. Call only under the write lock. */
    private Entry remove(String key, long now) {
        sweepExpired(now);
        Entry removed = entries.remove(key);
        if (removed == null) {
            return null;
        }
        byExpiry.remove(removed);
        return removed.expiredAt(now) ? null : removed;
    }

    private void sweepExpired(long now) {
        for (int swept = 0; swept < SWEEP_LIMIT && !byExpiry.isEmpty(); swept++) {
            Entry first = byExpiry.first();
            if (!first.expiredAt(now)) {
                return;
            }
            byExpiry.pollFirst();
            entries.remove(first.key());
        }
    }

    private static void requireKeyAndValue(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** One stored value; the sequence orders entries that expire in the same millisecond by write order. */
    private record Entry(String key, String value, long expiresAtMillis, long sequence) {

        boolean expiredAt(long nowMillis) {
            return nowMillis >= expiresAtMillis;
        }

        @Override
        public String toString() {
            // Values can be session data or tokens, so neither key nor value is printed.
            return "Entry[expiresAtMillis=" + expiresAtMillis + ", sequence=" + sequence + "]";
        }
    }
}
