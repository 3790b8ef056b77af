package org.plasmicauthbridge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the parts of the configuration that need no parsing of keys or secrets. Production launches
 * also reject the development-only parts: the built-in emulator and the demo issuer, whose private key
 * is public in the repository.
 */
public final class ConfigChecker {

    /** The {@code iss} of the demo issuer used by development mode and the quickstart. */
    public static final String DEMO_ISSUER = "https://demo-issuer.plasmic-auth-bridge.invalid";

    private ConfigChecker() {
    }

    public static List<String> check(BridgeConfig config, boolean production) {
        List<String> problems = new ArrayList<>();
        BridgeConfig.Plasmic plasmic = config.plasmic();
        String hostProblem = FetchUrls.problem("bridge.plasmic.host", plasmic.host());
        if (hostProblem != null) {
            problems.add(hostProblem);
        }
        positive(problems, "bridge.plasmic.timeout", plasmic.timeout());
        positive(problems, "bridge.plasmic.connect-timeout", plasmic.connectTimeout());
        positive(problems, "bridge.plasmic.retry-delay", plasmic.retryDelay());
        positive(problems, "bridge.plasmic.breaker-delay", plasmic.breakerDelay());
        if (plasmic.maxRetries() < 0 || plasmic.maxRetries() > 5) {
            problems.add("bridge.plasmic.max-retries must be between 0 and 5");
        }
        if (plasmic.breakerWindow() < 1) {
            problems.add("bridge.plasmic.breaker-window must be at least 1");
        }
        if (!(plasmic.breakerFailureRatio() > 0 && plasmic.breakerFailureRatio() <= 1)) {
            problems.add("bridge.plasmic.breaker-failure-ratio must be above 0 and at most 1");
        }
        positive(problems, "bridge.cache.verify-ttl", config.cache().verifyTtl());
        if (config.cache().localMaxEntries() < 0) {
            problems.add("bridge.cache.local-max-entries must be 0 or more");
        }
        if (config.cache().verifiedSignatures() < 0) {
            problems.add("bridge.cache.verified-signatures must be 0 or more");
        }
        if (config.cache().refreshMargin().isNegative() || config.cache().refreshMargin().compareTo(Duration.ofDays(6)) > 0) {
            problems.add("bridge.cache.refresh-margin must be between 0s and 6 days (Plasmic tokens live 7 days)");
        }
        Duration flushInterval = config.log().flushInterval();
        if (flushInterval.isNegative() || flushInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            problems.add("bridge.log.flush-interval must be between 0s and 10s");
        }
        if (config.limits().maxBodyBytes() < 1024) {
            problems.add("bridge.limits.max-body-bytes must be at least 1024");
        }
        if (config.limits().maxTokenChars() < 512) {
            problems.add("bridge.limits.max-token-chars must be at least 512");
        }
        if (config.store().memoryMaxEntries() < 1) {
            problems.add("bridge.store.memory-max-entries must be at least 1");
        }
        if (production) {
            productionOnly(config, problems);
        }
        return problems;
    }

    private static void productionOnly(BridgeConfig config, List<String> problems) {
        if (config.emulator().enabled()) {
            problems.add("bridge.emulator.enabled=true is for development and tests; it is refused in production");
        }
        config.issuers().forEach((name, issuer) -> {
            if (DEMO_ISSUER.equals(issuer.issuer())) {
                problems.add("bridge.issuers." + name + " is the demo issuer, whose private key is public; it is refused in production");
            }
        });
    }

    /** Warnings for settings that are allowed but weaken the bridge. */
    public static List<String> insecureWarnings(BridgeConfig config) {
        List<String> warnings = new ArrayList<>();
        if (config.session().insecureCookie()) {
            warnings.add("bridge.session.insecure-cookie=true sends the session cookie without Secure: "
                    + "use it only for plain http on localhost");
        }
        if (config.store().type() == BridgeConfig.StoreType.MEMORY) {
            warnings.add("bridge.store.type=memory keeps single-use marks and caches in this process only: "
                    + "run one replica, or use redis");
        }
        return warnings;
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " must be positive");
        }
    }
}
