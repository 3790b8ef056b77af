package org.plasmicauthbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.emulator.EmulatedApp;
import org.plasmicauthbridge.emulator.EmulatorSettings;
import org.plasmicauthbridge.emulator.PlasmicEmulator;
import org.plasmicauthbridge.testing.BridgeTestResource;
import org.plasmicauthbridge.testing.RedisServer;
import org.plasmicauthbridge.testing.TestAssertions;

/**
 * Two packaged bridge processes in the production profile share one real Redis: a single-use
 * assertion accepted by one is rejected by the other, and a user ensured through one is reused by the
 * other without a second call to Plasmic.
 */
class SharedRedisIT {

    private static RedisServer redis;
    private static PlasmicEmulator emulator;
    private static BridgeProcess first;
    private static BridgeProcess second;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        String secret = "it-secret-" + UUID.randomUUID();
        emulator = new PlasmicEmulator(EmulatorSettings.builder()
                .app(EmulatedApp.builder(BridgeTestResource.PROJECT_ID, secret).generalAccessRole("normal-user").build())
                .build());
        emulator.start("127.0.0.1", 0);

        Map<String, String> config = new HashMap<>();
        config.put("bridge.store.type", "redis");
        config.put("quarkus.redis.hosts", redis.uri());
        config.put("bridge.plasmic.host", emulator.baseUrl());
        config.put("bridge.apps.main.secret", secret);
        config.put("bridge.issuers.ec.issuer", BridgeTestResource.EC_ISSUER);
        config.put("bridge.issuers.ec.public-key-file", Path.of("src/test/resources/keys/ec-p256-public.pem").toAbsolutePath().toString());
        config.put("bridge.issuers.ec.algorithms", "ES256");
        config.put("bridge.issuers.ec.audiences", BridgeTestResource.AUDIENCE);
        config.put("bridge.issuers.ec.identity", "external-id");
        config.put("bridge.issuers.ec.single-use", "true");
        first = BridgeProcess.start(config);
        second = BridgeProcess.start(config);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, redis}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (emulator != null) {
            emulator.stop();
        }
    }

    private static HttpResponse<String> exchange(BridgeProcess bridge, String assertion) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bridge.baseUrl() + "/v1/assertions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"assertion\":\"" + assertion + "\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reusedJtiRejectedByOtherInstance() throws Exception {
        String assertion = TestAssertions.ec().sign();

        HttpResponse<String> accepted = exchange(first, assertion);
        HttpResponse<String> reused = exchange(second, assertion);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(reused.body()).contains("\"code\":\"assertion_reused\"");
    }

    @Test
    void ensuredUserReusedByOtherInstance() throws Exception {
        String subject = "shared-" + UUID.randomUUID();
        long before = emulator.ensureCalls();

        HttpResponse<String> viaFirst = exchange(first, TestAssertions.ec().claim("sub", subject).sign());
        HttpResponse<String> viaSecond = exchange(second, TestAssertions.ec().claim("sub", subject).sign());

        assertThat(viaFirst.statusCode()).isEqualTo(200);
        assertThat(viaSecond.statusCode()).isEqualTo(200);
        assertThat(emulator.ensureCalls()).isEqualTo(before + 1);
    }

    @Test
    void productionLogHoldsNoAssertion() throws Exception {
        String assertion = TestAssertions.ec().claim("aud", "elsewhere").sign();
        assertThat(exchange(first, assertion).statusCode()).isEqualTo(401);
        String signature = assertion.substring(assertion.lastIndexOf('.') + 1);
        // Log lines reach the process's output in batches (bridge.log.flush-interval).
        await().atMost(Duration.ofSeconds(5)).until(() -> first.log().contains("auth_event outcome=rejected"));
        assertThat(first.log()).doesNotContain(signature);
    }
}
