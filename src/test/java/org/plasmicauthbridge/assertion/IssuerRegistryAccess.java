package org.plasmicauthbridge.assertion;

import java.time.Clock;
import java.util.List;
import org.plasmicauthbridge.config.BridgeConfig;

/** Builds an {@link IssuerRegistry} outside CDI, for tests of configuration validation. */
public final class IssuerRegistryAccess {

    private IssuerRegistryAccess() {
    }

    public static List<String> build(BridgeConfig config, Clock clock, boolean production) {
        IssuerRegistry registry = new IssuerRegistry();
        registry.config = config;
        return registry.build(clock, production);
    }
}
