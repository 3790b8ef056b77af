package org.plasmicauthbridge.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts {@link StubOidcProvider} and configures it as the sign-in provider {@code stub}. */
public class StubOidcResource implements QuarkusTestResourceLifecycleManager {

    private StubOidcProvider provider;

    @Override
    public Map<String, String> start() {
        try {
            provider = new StubOidcProvider().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "bridge.providers.stub.issuer", provider.issuer(),
                "bridge.providers.stub.client-id", StubOidcProvider.CLIENT_ID,
                "bridge.providers.stub.client-secret", StubOidcProvider.CLIENT_SECRET,
                "bridge.providers.stub.app", "main",
                "bridge.providers.stub.roles.claim", "groups",
                "bridge.providers.stub.roles.map.admins", "admin",
                "bridge.session.login-timeout", "3s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(provider, new TestInjector.MatchesType(StubOidcProvider.class));
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.stop();
        }
    }
}
