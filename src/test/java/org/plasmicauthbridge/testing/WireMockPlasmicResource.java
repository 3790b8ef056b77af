package org.plasmicauthbridge.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Stands WireMock in for Plasmic, on 127.0.0.1 and a free port, for the upstream faults the emulator
 * cannot produce: timeouts, 5xx, HTML and refusals. The bridge gets short timeouts and a small breaker
 * window so that the faults show quickly; the test resource of the issuers still provides the keys.
 */
public class WireMockPlasmicResource implements QuarkusTestResourceLifecycleManager {

    /** The app's second secret, for the rotation test; the first comes from the issuers' test resource. */
    public static final String SECONDARY_SECRET = "wiremock-secondary-secret";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("bridge.plasmic.host", server.baseUrl());
        config.put("bridge.plasmic.timeout", "400ms");
        config.put("bridge.plasmic.max-retries", "1");
        config.put("bridge.plasmic.retry-delay", "10ms");
        config.put("bridge.plasmic.breaker-window", "4");
        config.put("bridge.plasmic.breaker-failure-ratio", "1.0");
        config.put("bridge.plasmic.breaker-delay", "3s");
        config.put("bridge.apps.main.secondary-secret", SECONDARY_SECRET);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
