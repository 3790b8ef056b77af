package org.plasmicauthbridge.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.plasmicauthbridge.config.BridgeConfig;

/** Builds a real {@link BridgeConfig} mapping from properties, for tests that need no running app. */
public final class TestConfig {

    private TestConfig() {
    }

    public static BridgeConfig bridge(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BridgeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .addDefaultInterceptors()
                .build();
        return config.getConfigMapping(BridgeConfig.class);
    }
}
