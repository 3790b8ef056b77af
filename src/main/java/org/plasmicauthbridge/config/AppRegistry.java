package org.plasmicauthbridge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The configured Plasmic apps with their secrets resolved from values or files. */
@ApplicationScoped
public class AppRegistry {

    /** A Plasmic app with its secret and, during a rotation, a second one; printing it never shows them. */
    public record App(String name, String secret, Optional<String> secondarySecret, Optional<String> projectId) {

        @Override
        public String toString() {
            return "App[name=" + name + ", secret=present, secondarySecret="
                    + (secondarySecret.isPresent() ? "present" : "absent") + ", projectId=" + projectId.orElse("none") + "]";
        }
    }

    @Inject
    BridgeConfig config;

    private final Map<String, App> apps = new ConcurrentHashMap<>();

    /** Resolves every app's secret; returns the problems found. */
    public synchronized List<String> build() {
        List<String> problems = new ArrayList<>();
        apps.clear();
        if (config.apps().isEmpty()) {
            problems.add("bridge.apps: no app is configured; set bridge.apps.<name>.secret or secret-file");
        }
        config.apps().forEach((name, app) -> {
            String key = "bridge.apps." + name + ".secret";
            int before = problems.size();
            Optional<String> secret = Secrets.read(app.secret(), app.secretFile(), key, problems);
            if (secret.isEmpty() && problems.size() == before) {
                problems.add(key + " or " + key + "-file is required");
            }
            Optional<String> secondary = Secrets.read(app.secondarySecret(), app.secondarySecretFile(),
                    "bridge.apps." + name + ".secondary-secret", problems);
            secret.ifPresent(value -> apps.put(name, new App(name, value, secondary, app.projectId())));
        });
        return problems;
    }

    public Optional<App> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(apps.get(name));
    }

    /** Returns the only app when exactly one is configured. */
    public Optional<App> only() {
        return apps.size() == 1 ? Optional.of(apps.values().iterator().next()) : Optional.empty();
    }
}
