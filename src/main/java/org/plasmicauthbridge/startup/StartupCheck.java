package org.plasmicauthbridge.startup;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.plasmicauthbridge.assertion.IssuerRegistry;
import org.plasmicauthbridge.config.AppRegistry;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.config.ConfigChecker;
import org.plasmicauthbridge.login.ProviderRegistry;

/**
 * Checks the whole configuration before the bridge serves a request, lists every problem at once and
 * refuses to start when there is one.
 */
@Singleton
public class StartupCheck {

    private static final Duration PROVIDER_PREPARATION_DELAY = Duration.ofSeconds(2);

    @Inject
    BridgeConfig config;

    @Inject
    AppRegistry apps;

    @Inject
    IssuerRegistry issuers;

    @Inject
    ProviderRegistry providers;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = new ArrayList<>();
        boolean production = LaunchMode.current() == LaunchMode.NORMAL;
        problems.addAll(ConfigChecker.check(config, production));
        problems.addAll(apps.build());
        problems.addAll(issuers.build(Clock.systemUTC(), production));
        problems.addAll(providers.build());
        if (!problems.isEmpty()) {
            String report = "The configuration is invalid; fix these " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems);
            // Quarkus prints the exception's message when start-up fails, so it is not logged here too.
            throw new IllegalStateException(report);
        }
        ConfigChecker.insecureWarnings(config).forEach(Log::warn);
        Log.infof("plasmic-auth-bridge ready: %d app(s), %d issuer(s), %d sign-in provider(s), store %s, Plasmic at %s",
                config.apps().size(), config.issuers().size(), config.providers().size(), config.store().type(),
                config.plasmic().host());
    }

    /**
     * Prepares RS and ES verification shortly after the server listens. Quarkus fires this event
     * asynchronously, so only an asynchronous observer receives it. On a 2-core machine, doing it during
     * start-up, or at once when the server listened, delayed the first 200 of /q/health/ready by 0.1 to 0.2 s.
     */
    void onListening(@ObservesAsync HttpServerStart event) {
        if (config.exitAfterStart()) {
            Log.info("Stopping after start-up, as bridge.exit-after-start asks");
            Quarkus.asyncExit(0);
            return;
        }
        issuers.prepareProvidersInBackground(PROVIDER_PREPARATION_DELAY);
    }
}
