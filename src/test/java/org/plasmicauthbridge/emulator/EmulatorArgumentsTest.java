package org.plasmicauthbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorArgumentsTest {

    @Test
    void environmentAloneIsEnough() {
        EmulatorArguments arguments = EmulatorArguments.parse(new String[0], Map.of("PLASMIC_EMULATOR_SECRET", "s1"));

        assertThat(arguments.port()).isEqualTo(8788);
        EmulatedApp app = arguments.settings().apps().get(0);
        assertThat(app.projectId()).isEqualTo("emulator");
        assertThat(app.secret()).isEqualTo("s1");
        assertThat(app.generalAccessRoleId()).isEmpty();
        assertThat(app.providers()).containsExactlyInAnyOrder(AuthProvider.CUSTOM_AUTH, AuthProvider.PLASMIC_AUTH);
    }

    @Test
    void optionWinsOverEnvironment() {
        EmulatorArguments arguments = EmulatorArguments.parse(
                new String[] {"--port", "0", "--project-id", "p1", "--general-access-role", "admin"},
                Map.of("PLASMIC_EMULATOR_PORT", "9000", "PLASMIC_EMULATOR_SECRET", "s1",
                        "PLASMIC_EMULATOR_GENERAL_ACCESS_ROLE", "normal-user"));

        assertThat(arguments.port()).isZero();
        assertThat(arguments.settings().apps().get(0).projectId()).isEqualTo("p1");
        assertThat(arguments.settings().apps().get(0).generalAccessRoleId()).contains("admin");
    }

    @Test
    void appsAndRedirectUrisRepeat() {
        EmulatorArguments arguments = EmulatorArguments.parse(
                new String[] {"--app", "p1=s1", "--app", "p2=s2", "--redirect-uri", "http://localhost:8080/cb"},
                Map.of("PLASMIC_EMULATOR_REDIRECT_URIS", "https://ignored.example/cb"));

        assertThat(arguments.settings().apps()).extracting(EmulatedApp::projectId).containsExactly("p1", "p2");
        assertThat(arguments.settings().apps().get(1).redirectUris()).containsExactly("http://localhost:8080/cb");
    }

    @Test
    void environmentListsAreCommaSeparated() {
        EmulatorArguments arguments = EmulatorArguments.parse(new String[0], Map.of(
                "PLASMIC_EMULATOR_APPS", "p1=s1, p2=s2",
                "PLASMIC_EMULATOR_REDIRECT_URIS", "http://localhost:8080/cb,https://app.example/cb"));

        assertThat(arguments.settings().apps()).extracting(EmulatedApp::projectId).containsExactly("p1", "p2");
        assertThat(arguments.settings().apps().get(0).redirectUris())
                .containsExactly("http://localhost:8080/cb", "https://app.example/cb");
    }

    @Test
    void missingAppIsRejected() {
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[0], Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--secret");
    }

    @Test
    void malformedAppIsRejected() {
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--app", "p1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<project id>=<secret>");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--port", "http"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> EmulatorArguments.parse(new String[] {"--host", "0.0.0.0"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--host");
    }
}
