package org.plasmicauthbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request ids that the bridge makes up when the caller sends none. */
class RequestIdsTest {

    @Test
    void newIdIsVersion4Uuid() {
        UUID id = UUID.fromString(RequestIds.newId());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void newIdsDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestIds.newId());
        }

        assertThat(ids).hasSize(10_000);
    }
}
