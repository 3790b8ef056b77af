package org.plasmicauthbridge.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.config.FetchUrls;
import org.plasmicauthbridge.config.Secrets;
import org.plasmicauthbridge.plasmic.PlasmicClient;

/**
 * The configured sign-in providers and the browser settings they need, built once at start-up. Building
 * collects every problem, so that start-up can report them all; discovery happens at the first sign-in,
 * so a provider that is down does not stop the bridge from starting.
 */
@ApplicationScoped
public class ProviderRegistry {

    @Inject
    BridgeConfig config;

    @Inject
    PlasmicClient plasmic;

    private final Map<String, LoginProvider> providers = new ConcurrentHashMap<>();

    public synchronized List<String> build() {
        List<String> problems = new ArrayList<>();
        providers.clear();
        config.providers().forEach((name, provider) -> {
            LoginProvider built = build(name, provider, problems);
            if (built != null) {
                providers.put(name, built);
            }
        });
        if (!config.providers().isEmpty()) {
            checkBrowserSettings(problems);
        }
        return problems;
    }

    Optional<LoginProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    private LoginProvider build(String name, BridgeConfig.Provider provider, List<String> problems) {
        String key = "bridge.providers." + name;
        int before = problems.size();
        String app = provider.app().orElse(config.apps().size() == 1 ? config.apps().keySet().iterator().next() : null);
        if (app == null || !config.apps().containsKey(app)) {
            problems.add(key + ".app must name a configured app");
        }
        if (provider.type() == BridgeConfig.ProviderType.PLASMIC) {
            String projectId = app == null || !config.apps().containsKey(app) ? null
                    : config.apps().get(app).projectId().orElse(null);
            if (app != null && projectId == null) {
                problems.add("bridge.apps." + app + ".project-id is required by the plasmic provider " + name);
            }
            String urlProblem = FetchUrls.problem(key + ".authorize-url", provider.authorizeUrl());
            if (urlProblem != null) {
                problems.add(urlProblem);
            }
            return problems.size() == before ? new PlasmicLoginProvider(name, provider, projectId, plasmic) : null;
        }
        if (provider.issuer().isEmpty()) {
            problems.add(key + ".issuer is required for an oidc provider");
        } else {
            String urlProblem = FetchUrls.problem(key + ".issuer", provider.issuer().get());
            if (urlProblem != null) {
                problems.add(urlProblem);
            }
        }
        if (provider.clientId().isEmpty() || provider.clientId().get().isBlank()) {
            problems.add(key + ".client-id is required for an oidc provider");
        }
        if (!provider.scopes().contains("openid")) {
            problems.add(key + ".scopes must include openid");
        }
        Optional<String> secret = Secrets.read(provider.clientSecret(), provider.clientSecretFile(), key + ".client-secret", problems);
        return problems.size() == before ? new OidcLoginProvider(name, provider, secret.orElse(null)) : null;
    }

    private void checkBrowserSettings(List<String> problems) {
        if (config.publicUrl().isEmpty() || ReturnTo.origin(config.publicUrl().get()).isEmpty()) {
            problems.add("bridge.public-url must be the absolute http(s) URL at which browsers reach the bridge");
        }
        List<String> origins = config.allowedOrigins().orElse(List.of());
        origins.stream().filter(origin -> !ReturnTo.isOrigin(origin))
                .forEach(origin -> problems.add("bridge.allowed-origins: " + origin + " is not an origin (scheme://host[:port])"));
        config.defaultReturnTo().ifPresent(target -> {
            if (ReturnTo.check(target, origins).isEmpty()) {
                problems.add("bridge.default-return-to must be a relative path or a URL on one of bridge.allowed-origins");
            }
        });
    }
}
