package org.plasmicauthbridge.emulator;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.plasmicauthbridge.config.BridgeConfig;

/**
 * Starts the Plasmic emulator with the bridge when {@code bridge.emulator.enabled=true}: one emulated
 * app per {@code bridge.apps.<name>}, with the same secret, on 127.0.0.1 at
 * {@code bridge.emulator.port}. It rejects the production launch mode, because the emulator signs in
 * any e-mail address that a request names.
 */
@ApplicationScoped
public class EmulatorLauncher {

    private static final Logger LOG = Logger.getLogger(EmulatorLauncher.class);

    private final BridgeConfig config;
    private PlasmicEmulator emulator;

    @Inject
    public EmulatorLauncher(BridgeConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start(LaunchMode.current());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Returns the running emulator, for tests that read its counters or change its users. */
    public synchronized Optional<PlasmicEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** Starts the emulator when it is enabled, or throws when it is enabled in production. */
    synchronized void start(LaunchMode mode) {
        BridgeConfig.Emulator settings = config.emulator();
        if (!settings.enabled()) {
            return;
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("bridge.emulator.enabled=true is not allowed in production (launch mode"
                    + " NORMAL): the emulator signs in any e-mail address a request names. Set"
                    + " bridge.emulator.enabled=false, or run in dev or test mode.");
        }
        // The emulator gets a Vert.x of its own, so that its requests stay out of the bridge's HTTP metrics.
        PlasmicEmulator started = new PlasmicEmulator(settingsFrom(config));
        started.start("127.0.0.1", settings.port());
        emulator = started;
        LOG.infof("Started the Plasmic emulator at %s in %s mode; bridge.plasmic.host is %s",
                started.baseUrl(), mode, config.plasmic().host());
    }

    synchronized void stop() {
        if (emulator != null) {
            emulator.stop();
            emulator = null;
        }
    }

    static EmulatorSettings settingsFrom(BridgeConfig config) {
        if (config.apps().isEmpty()) {
            throw new IllegalStateException("bridge.emulator.enabled=true needs at least one bridge.apps.<name>");
        }
        EmulatorSettings.Builder settings = EmulatorSettings.builder();
        config.apps().forEach((name, app) -> settings.app(emulatedApp(name, app, config.emulator())));
        return settings.build();
    }

    /** Both providers are accepted, so that one development setup serves custom auth and hosted login. */
    private static EmulatedApp emulatedApp(String name, BridgeConfig.App app, BridgeConfig.Emulator emulator) {
        EmulatedApp.Builder builder = EmulatedApp.builder(app.projectId().orElse(name), secretOf(name, app))
                .providers(AuthProvider.CUSTOM_AUTH, AuthProvider.PLASMIC_AUTH)
                .generalAccessRole(emulator.generalAccessRole().orElse(null));
        emulator.redirectUris().orElse(List.of()).forEach(builder::redirectUri);
        return builder.build();
    }

    /** Reads the secret from {@code secret}, else from {@code secret-file} without its final line break. */
    private static String secretOf(String name, BridgeConfig.App app) {
        if (app.secret().isPresent()) {
            return app.secret().get();
        }
        String key = "bridge.apps." + name + ".secret-file";
        Path file = Path.of(app.secretFile().orElseThrow(() -> new IllegalStateException(
                "bridge.apps." + name + " needs secret or secret-file for the emulator")));
        try {
            return Files.readString(file).replaceFirst("\\R$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key + " at " + file, e);
        }
    }
}
