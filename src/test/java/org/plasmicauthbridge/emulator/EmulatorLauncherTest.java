package org.plasmicauthbridge.emulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.DurationConverter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasmicauthbridge.config.BridgeConfig;

/** Drives the launcher with a real configuration mapping and launch modes, without starting Quarkus. */
class EmulatorLauncherTest {

    @Test
    void productionModeIsRejected() {
        EmulatorLauncher launcher = new EmulatorLauncher(config(Map.of(
                "bridge.emulator.enabled", "true",
                "bridge.emulator.port", "0",
                "bridge.apps.shop.secret", "shop-secret")));

        assertThatThrownBy(() -> launcher.start(LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bridge.emulator.enabled=true is not allowed in production");
        assertThat(launcher.emulator()).isEmpty();
    }

    @Test
    void disabledEmulatorStartsNothing() {
        EmulatorLauncher launcher = new EmulatorLauncher(config(Map.of(
                "bridge.emulator.port", "0",
                "bridge.apps.shop.secret", "shop-secret")));

        launcher.start(LaunchMode.NORMAL);

        assertThat(launcher.emulator()).isEmpty();
    }

    @Test
    void devModeServesConfiguredApps(@TempDir Path dir) throws IOException {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, "file-secret\n");
        Map<String, String> properties = new HashMap<>();
        properties.put("bridge.emulator.enabled", "true");
        properties.put("bridge.emulator.port", "0");
        properties.put("bridge.emulator.general-access-role", "normal-user");
        properties.put("bridge.apps.shop.secret", "shop-secret");
        properties.put("bridge.apps.blog.secret-file", secretFile.toString());
        properties.put("bridge.apps.blog.project-id", "blog-project");
        EmulatorLauncher launcher = new EmulatorLauncher(config(properties));

        launcher.start(LaunchMode.DEVELOPMENT);
        try {
            String baseUrl = launcher.emulator().orElseThrow().baseUrl();
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
            ensure(baseUrl, "shop-secret").then().statusCode(200).body("user.roleId", equalTo("normal-user"));
            ensure(baseUrl, "file-secret").then().statusCode(200);
            assertThat(launcher.emulator().orElseThrow().findUser("shop", Identity.email("ann@example.com")))
                    .isPresent();
            assertThat(launcher.emulator().orElseThrow().findUser("blog-project", Identity.email("ann@example.com")))
                    .isPresent();
        } finally {
            launcher.stop();
        }
        assertThat(launcher.emulator()).isEmpty();
    }

    private static Response ensure(String baseUrl, String secret) {
        return given().baseUri(baseUrl)
                .header("x-plasmic-app-auth-api-token", secret)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "ann@example.com"))
                .post("/api/v1/app-auth/user");
    }

    private static BridgeConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BridgeConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(BridgeConfig.class);
    }
}
