package org.plasmicauthbridge.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.config.AppRegistry.App;
import org.plasmicauthbridge.config.BridgeConfig.IdentityKind;
import org.plasmicauthbridge.identity.Identity;
import org.plasmicauthbridge.observability.BridgeMetrics;
import org.plasmicauthbridge.plasmic.EnsureRequest;
import org.plasmicauthbridge.plasmic.PlasmicClient;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;
import org.plasmicauthbridge.plasmic.UserinfoResult;
import org.plasmicauthbridge.store.MemoryStore;
import org.plasmicauthbridge.testing.TestConfig;

/**
 * A request whose cache lookup missed, but whose reply from the store arrives only after another request
 * has called Plasmic, stored the result and left the single flight. It must reuse that result.
 */
class LateCacheMissTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A memory store whose next {@code get} returns the miss it read at once, but only when released. */
    private static final class HeldLookupStore extends ForwardingStore {

        final CompletableFuture<Void> release = new CompletableFuture<>();
        boolean holdNext = true;

        HeldLookupStore() {
            super(new MemoryStore(Clock.systemUTC(), 1000));
        }

        @Override
        public Uni<String> get(String key) {
            Uni<String> value = super.get(key);
            if (!holdNext) {
                return value;
            }
            holdNext = false;
            String early = value.await().indefinitely();
            return Uni.createFrom().completionStage(release).replaceWith(early);
        }
    }

    /** Counts calls to Plasmic and returns a user and a token valid for 7 days from each. */
    private static final class CountingPlasmic extends PlasmicClient {

        final AtomicInteger ensureCalls = new AtomicInteger();
        final AtomicInteger userinfoCalls = new AtomicInteger();

        @Override
        public Uni<PlasmicSession> ensureUser(String appSecret, EnsureRequest request) {
            ensureCalls.incrementAndGet();
            return Uni.createFrom().item(new PlasmicSession(user(), token(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7))));
        }

        @Override
        public Uni<UserinfoResult> userinfo(String userToken) {
            userinfoCalls.incrementAndGet();
            return Uni.createFrom().item(new UserinfoResult(user()));
        }
    }

    private static final class NoMetrics extends BridgeMetrics {
        @Override
        public void cacheLookup(String cache, boolean hit) {
        }
    }

    private static PlasmicUser user() {
        ObjectNode json = JSON.createObjectNode().put("email", "late@example.com").put("isLoggedIn", true);
        return new PlasmicUser(json);
    }

    /** Builds a token shaped like Plasmic's, which the bridge reads but never checks itself. */
    private static String token(Duration lifetime) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plus(lifetime).getEpochSecond();
        String payload = b64.encodeToString(("{\"appId\":\"p1\",\"endUserId\":\"u1\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    @Test
    void ensureLateMissCallsOnce() {
        HeldLookupStore store = new HeldLookupStore();
        CountingPlasmic plasmic = new CountingPlasmic();
        UserTokenService service = new UserTokenService();
        service.store = store;
        service.plasmic = plasmic;
        service.config = TestConfig.bridge(Map.of());
        service.metrics = new NoMetrics();
        service.createCache();
        App app = new App("main", "secret", Optional.empty(), Optional.empty());
        Identity identity = new Identity(IdentityKind.EMAIL, "late@example.com", null);

        CompletableFuture<PlasmicSession> late = service.ensure(app, identity).subscribe().asCompletionStage();
        PlasmicSession first = service.ensure(app, identity).await().indefinitely();
        store.release.complete(null);

        assertThat(late.join().token()).isEqualTo(first.token());
        assertThat(plasmic.ensureCalls).hasValue(1);
    }

    @Test
    void verifyLateMissCallsOnce() {
        HeldLookupStore store = new HeldLookupStore();
        CountingPlasmic plasmic = new CountingPlasmic();
        TokenVerification verification = new TokenVerification();
        verification.store = store;
        verification.plasmic = plasmic;
        verification.config = TestConfig.bridge(Map.of());
        verification.metrics = new NoMetrics();
        verification.init();
        String token = token(Duration.ofHours(1));

        CompletableFuture<TokenVerification.Outcome> late = verification.verify(token).subscribe().asCompletionStage();
        TokenVerification.Outcome first = verification.verify(token).await().indefinitely();
        store.release.complete(null);

        assertThat(first.active()).isTrue();
        assertThat(late.join().active()).isTrue();
        assertThat(plasmic.userinfoCalls).hasValue(1);
    }
}
