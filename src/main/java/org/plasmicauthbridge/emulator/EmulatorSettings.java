package org.plasmicauthbridge.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link PlasmicEmulator} starts with.
 *
 * @param apps the emulated apps; project ids and secrets must be unique, because Plasmic finds the
 *     app of an ensure-user call by its secret
 * @param clock the time source of tokens and codes, so that tests can let them expire
 * @param maxBodyBytes the largest accepted request body, in bytes
 */
public record EmulatorSettings(List<EmulatedApp> apps, Clock clock, int maxBodyBytes) {

    /** Express's JSON body parser, which Plasmic's server uses, accepts 100 kB by default. */
    public static final int DEFAULT_MAX_BODY_BYTES = 100 * 1024;

    public EmulatorSettings {
        apps = List.copyOf(apps);
        Objects.requireNonNull(clock, "clock");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        requireUnique(apps);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireUnique(List<EmulatedApp> apps) {
        Set<String> projectIds = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (EmulatedApp app : apps) {
            if (!projectIds.add(app.projectId())) {
                throw new IllegalArgumentException("Two emulated apps have project id " + app.projectId());
            }
            if (!secrets.add(app.secret())) {
                throw new IllegalArgumentException(
                        "Emulated app " + app.projectId() + " shares its secret with another app");
            }
        }
    }

    /** Builds {@link EmulatorSettings}; the clock defaults to the system UTC clock. */
    public static final class Builder {
        private final List<EmulatedApp> apps = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        public Builder app(EmulatedApp app) {
            apps.add(Objects.requireNonNull(app));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public EmulatorSettings build() {
            return new EmulatorSettings(apps, clock, maxBodyBytes);
        }
    }
}
