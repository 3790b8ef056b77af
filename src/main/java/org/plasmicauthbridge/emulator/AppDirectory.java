package org.plasmicauthbridge.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The emulated apps, found by project id or by app secret. */
final class AppDirectory {

    private final Map<String, AppState> byProjectId = new LinkedHashMap<>();

    AppDirectory(EmulatorSettings settings) {
        settings.apps().forEach(app -> byProjectId.put(app.projectId(), new AppState(app)));
    }

    Optional<AppState> byProjectId(String projectId) {
        return Optional.ofNullable(projectId).map(byProjectId::get);
    }

    /** Finds the app whose secret equals this one, comparing in constant time. */
    Optional<AppState> bySecret(String secret) {
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        AppState found = null;
        for (AppState state : byProjectId.values()) {
            byte[] expected = state.app().secret().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(secretBytes, expected)) {
                found = state;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Returns the app with this project id, or throws for a project id the emulator lacks. */
    AppState require(String projectId) {
        return byProjectId(projectId).orElseThrow(
                () -> new IllegalArgumentException("The emulator has no app with project id " + projectId));
    }
}
