package org.plasmicauthbridge.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.exchange.TokenVerification.Checked;
import org.plasmicauthbridge.exchange.TokenVerification.Outcome;
import org.plasmicauthbridge.plasmic.PlasmicUser;

/** The stored form of a verify result keeps the user, the token's expiry and the time it may be served until. */
class CachedOutcomeTest {

    private static final Instant UNTIL = Instant.parse("2026-12-05T01:00:00.123Z");
    private static final Instant EXP = Instant.parse("2026-12-11T00:00:00Z");

    private final CachedOutcome codec = new CachedOutcome();

    @Test
    void activeOutcomeRoundTrips() {
        PlasmicUser user = new PlasmicUser(new ObjectMapper().createObjectNode().put("email", "ada@example.com"));

        Checked read = codec.read(codec.write(new Checked(new Outcome(user, EXP), UNTIL)));

        assertThat(read.until()).isEqualTo(UNTIL);
        assertThat(read.outcome().active()).isTrue();
        assertThat(read.outcome().expiresAt()).isEqualTo(EXP);
        assertThat(read.outcome().user().text()).isEqualTo(user.text());
    }

    @Test
    void inactiveOutcomeRoundTrips() {
        Checked read = codec.read(codec.write(new Checked(Outcome.INACTIVE, UNTIL)));

        assertThat(read.until()).isEqualTo(UNTIL);
        assertThat(read.outcome().active()).isFalse();
    }

    @Test
    void storedTextOfEarlierVersionIsMiss() {
        assertThat(codec.read("{\"email\":\"ada@example.com\"}")).isNull();
        assertThat(codec.read("not json")).isNull();
    }
}
