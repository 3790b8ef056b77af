package org.plasmicauthbridge.assertion;

import java.util.List;
import java.util.Set;
import org.plasmicauthbridge.config.BridgeConfig;

/** A configured issuer with its resolved app, algorithm allow-list and key sources. */
public record TrustedIssuer(String name, String app, BridgeConfig.Issuer config, Set<String> algorithms,
        List<KeySource> keySources) {
}
