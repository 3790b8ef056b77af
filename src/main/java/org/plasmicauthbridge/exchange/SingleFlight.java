package org.plasmicauthbridge.exchange;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets concurrent requests for the same key share one upstream call: the first caller starts it, the
 * others subscribe to the same result, and the key is released when the call ends.
 */
final class SingleFlight<V> {

    private final ConcurrentHashMap<String, Uni<V>> running = new ConcurrentHashMap<>();

    Uni<V> run(String key, Supplier<Uni<V>> call) {
        return Uni.createFrom().deferred(() -> {
            Uni<V>[] created = newHolder();
            Uni<V> shared = running.computeIfAbsent(key, k -> {
                Uni<V> memoized = Uni.createFrom().<V>deferred(() -> call.get()).memoize().indefinitely();
                created[0] = memoized;
                return memoized;
            });
            if (created[0] == null) {
                return shared;
            }
            return shared.eventually(() -> running.remove(key, shared));
        });
    }

    @SuppressWarnings("unchecked")
    private static <V> Uni<V>[] newHolder() {
        return new Uni[1];
    }

    int inFlight() {
        return running.size();
    }
}
