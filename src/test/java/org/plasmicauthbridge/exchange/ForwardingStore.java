package org.plasmicauthbridge.exchange;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.plasmicauthbridge.store.Store;

/** A store that passes every call to another one; tests override the calls they watch or hold. */
class ForwardingStore implements Store {

    private final Store delegate;

    ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public Uni<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        return delegate.putIfAbsent(key, value, ttl);
    }

    @Override
    public Uni<Void> put(String key, String value, Duration ttl) {
        return delegate.put(key, value, ttl);
    }

    @Override
    public Uni<String> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Uni<String> take(String key) {
        return delegate.take(key);
    }

    @Override
    public Uni<Boolean> delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public Uni<Void> ping() {
        return delegate.ping();
    }
}
