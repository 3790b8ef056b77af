package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmulatorSettingsTest {

    @Test
    void appToStringHidesSecret() {
        EmulatedApp app = EmulatedApp.builder("proj", "very-secret-value").build();

        assertThat(app.toString()).contains("proj").doesNotContain("very-secret-value");
    }

    @Test
    void defaultRolesHaveStableIds() {
        EmulatedApp app = EmulatedApp.builder("proj", "secret").build();

        assertThat(app.roles()).containsExactly(
                new AppRole("anonymous", "Anonymous", 0),
                new AppRole("normal-user", "Normal User", 1),
                new AppRole("admin", "Admin", 2));
    }

    @Test
    void unknownGeneralAccessRoleIsRejected() {
        EmulatedApp.Builder app = EmulatedApp.builder("proj", "secret").generalAccessRole("owner");

        assertThatThrownBy(app::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
    }

    @Test
    void unknownRuleRoleIsRejected() {
        EmulatedApp.Builder app = EmulatedApp.builder("proj", "secret").emailRule("ann@example.com", "owner");

        assertThatThrownBy(app::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
    }

    @Test
    void sharedSecretIsRejected() {
        EmulatorSettings.Builder settings = EmulatorSettings.builder()
                .app(EmulatedApp.builder("one", "same-secret").build())
                .app(EmulatedApp.builder("two", "same-secret").build());

        assertThatThrownBy(settings::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("same-secret");
    }

    @Test
    void duplicateProjectIdIsRejected() {
        EmulatorSettings.Builder settings = EmulatorSettings.builder()
                .app(EmulatedApp.builder("one", "secret-1").build())
                .app(EmulatedApp.builder("one", "secret-2").build());

        assertThatThrownBy(settings::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one");
    }
}
