package org.plasmicauthbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.plasmic.PlasmicUser;
import org.plasmicauthbridge.store.MemoryStore;
import org.plasmicauthbridge.testing.MutableClock;
import org.plasmicauthbridge.testing.TestConfig;

/** Idle and absolute timeouts of browser sessions, on the memory store with a clock the test moves. */
class SessionServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SessionService sessions;

    @BeforeEach
    void setUp() {
        sessions = new SessionService();
        sessions.clock = clock;
        sessions.store = new MemoryStore(clock, 1000);
        sessions.config = TestConfig.bridge(Map.of(
                "bridge.session.idle-timeout", "1h",
                "bridge.session.absolute-timeout", "3h"));
    }

    private BrowserSession newSession() {
        ObjectNode user = new ObjectMapper().createObjectNode().put("email", "a@example.com");
        PlasmicSession plasmic = new PlasmicSession(new PlasmicUser(user), "token", clock.instant().plus(Duration.ofDays(7)));
        return new BrowserSession("main", "stub", null, plasmic, null, clock.instant());
    }

    private BrowserSession find(String id) {
        return sessions.find(id, session -> Uni.createFrom().item(session)).await().indefinitely();
    }

    @Test
    void activeSessionIsFound() {
        String id = sessions.create(newSession()).await().indefinitely();
        clock.advance(Duration.ofMinutes(59));
        assertThat(find(id)).isNotNull();
    }

    @Test
    void idleSessionEnds() {
        String id = sessions.create(newSession()).await().indefinitely();
        clock.advance(Duration.ofMinutes(61));
        assertThat(find(id)).isNull();
    }

    @Test
    void requestsRestartIdleTimeout() {
        String id = sessions.create(newSession()).await().indefinitely();
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(50));
            assertThat(find(id)).as("after %d requests", i + 1).isNotNull();
        }
    }

    @Test
    void absoluteTimeoutEndsActiveSession() {
        String id = sessions.create(newSession()).await().indefinitely();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            assertThat(find(id)).isNotNull();
        }
        clock.advance(Duration.ofMinutes(31));
        assertThat(find(id)).isNull();
    }

    @Test
    void idsAreRandomAndUnguessable() {
        String first = sessions.create(newSession()).await().indefinitely();
        String second = sessions.create(newSession()).await().indefinitely();
        assertThat(first).hasSize(43).isNotEqualTo(second);
        assertThat(find("made-up-id")).isNull();
    }

    @Test
    void sessionPrintsNoToken() {
        assertThat(newSession().toString()).doesNotContain("token=token").doesNotContain("a@example.com");
    }
}
