package org.plasmicauthbridge.assertion;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.config.FetchUrls;
import org.plasmicauthbridge.config.Secrets;
import org.plasmicauthbridge.crypto.Digests;

/**
 * The trusted issuers by their exact {@code iss} value, built once from the configuration. Building
 * collects every problem instead of stopping at the first, so that start-up can report them all.
 */
@ApplicationScoped
public class IssuerRegistry {

    /** Smallest HMAC secret accepted: 32 bytes, the output size of HS256 (RFC 7518 section 3.2). */
    static final int MIN_HMAC_BYTES = 32;

    @Inject
    BridgeConfig config;

    /** SHA-256 of the DER encoding of the demo issuer's public key, whose private key is in the repository. */
    static final String DEMO_KEY_SHA256 = "c2027100a4463aee80829a87eddc882fd73dcbd0a0651456f0867b716eafadd7";

    private final Map<String, TrustedIssuer> byIssuer = new HashMap<>();
    private boolean production;

    /** Builds the registry; returns the configuration problems found, empty when all is well. */
    public synchronized List<String> build(Clock clock, boolean production) {
        this.production = production;
        SignatureProviders.allowNative(config.crypto().nativeProvider());
        List<String> problems = new ArrayList<>();
        byIssuer.clear();
        config.issuers().forEach((name, issuer) -> {
            TrustedIssuer trusted = buildIssuer(name, issuer, clock, problems);
            if (trusted == null) {
                return;
            }
            TrustedIssuer earlier = byIssuer.putIfAbsent(issuer.issuer(), trusted);
            if (earlier != null) {
                problems.add("bridge.issuers." + name + ".issuer repeats the issuer of bridge.issuers." + earlier.name());
            }
        });
        return problems;
    }

    /**
     * Prepares the signature providers, the configured public keys and the JWKS HTTP client on a daemon
     * thread after {@code delay}, when an issuer allows an RS or ES algorithm. A sign-in after that does
     * not wait 0.2 to 0.3 s for them, and a sign-in before that prepares them itself.
     */
    public void prepareProvidersInBackground(Duration delay) {
        List<TrustedIssuer> keyIssuers = byIssuer.values().stream()
                .filter(issuer -> issuer.algorithms().stream().anyMatch(alg -> alg.startsWith("ES") || alg.startsWith("RS")))
                .toList();
        if (keyIssuers.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                SignatureProviders.current();
                List<KeySource> sources = keyIssuers.stream().flatMap(issuer -> issuer.keySources().stream()).toList();
                sources.stream()
                        .filter(StaticKeySource.class::isInstance)
                        .map(StaticKeySource.class::cast)
                        .forEach(StaticKeySource::prepare);
                if (sources.stream().anyMatch(JwksKeySource.class::isInstance)) {
                    JwksHttp.client();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                Log.warnf("Preparing the signature providers failed (%s); the first sign-in tries again",
                        e.getClass().getSimpleName());
            }
        }, "signature-provider-setup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the issuer whose {@code iss} is exactly this value. */
    public Optional<TrustedIssuer> find(String iss) {
        return Optional.ofNullable(byIssuer.get(iss));
    }

    private TrustedIssuer buildIssuer(String name, BridgeConfig.Issuer issuer, Clock clock, List<String> problems) {
        String key = "bridge.issuers." + name;
        int before = problems.size();
        if (issuer.issuer().isBlank()) {
            problems.add(key + ".issuer is empty");
        }
        List<KeySource> sources = new ArrayList<>();
        Set<String> keyAlgorithms = new LinkedHashSet<>();
        boolean hasHmac = false;

        Optional<String> pem = Secrets.read(issuer.publicKey(), issuer.publicKeyFile(), key + ".public-key", problems);
        if (pem.isPresent()) {
            try {
                PublicKey publicKey = PemKeys.parsePublicKey(pem.get());
                if (production && DEMO_KEY_SHA256.equals(Digests.sha256Hex(publicKey.getEncoded()))) {
                    problems.add(key + (issuer.publicKeyFile().isPresent() ? ".public-key-file" : ".public-key")
                            + " is the demo issuer's key, whose private key is public; it is refused in production");
                }
                keyAlgorithms.addAll(algorithmsFor(publicKey, key, problems));
                sources.add(new StaticKeySource(List.of(PublicJsonWebKey.Factory.newPublicJwk(publicKey))));
            } catch (Exception e) {
                problems.add(key + ".public-key: cannot read the PEM public key (" + e.getMessage() + ")");
            }
        }
        Optional<String> hmac = Secrets.read(issuer.hmacSecret(), issuer.hmacSecretFile(), key + ".hmac-secret", problems);
        if (hmac.isPresent()) {
            byte[] secret = hmac.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_HMAC_BYTES) {
                problems.add(key + ".hmac-secret must be at least " + MIN_HMAC_BYTES + " bytes");
            } else {
                hasHmac = true;
                keyAlgorithms.add("HS256");
                sources.add(new StaticKeySource(List.of(new OctetSequenceJsonWebKey(new HmacKey(secret)))));
            }
        }
        Set<String> algorithms = algorithms(issuer, key, keyAlgorithms, hasHmac, problems);
        if (issuer.jwksUri().isPresent()) {
            String problem = FetchUrls.problem(key + ".jwks-uri", issuer.jwksUri().get());
            if (problem != null) {
                problems.add(problem);
            } else {
                sources.add(new JwksKeySource(name, URI.create(issuer.jwksUri().get()), algorithms,
                        issuer.jwksCacheTtl(), issuer.jwksRefetchInterval(), JwksHttp::client, Duration.ofSeconds(5), clock));
            }
        }
        if (issuer.jwksUri().isEmpty() && pem.isEmpty() && hmac.isEmpty()) {
            problems.add(key + " has no key: set jwks-uri, public-key[-file] or hmac-secret[-file]");
        }
        checkLimits(issuer, key, problems);
        String app = resolveApp(issuer, key, problems);
        return problems.size() == before ? new TrustedIssuer(name, app, issuer, algorithms, sources) : null;
    }

    private Set<String> algorithms(BridgeConfig.Issuer issuer, String key, Set<String> keyAlgorithms,
            boolean hasHmac, List<String> problems) {
        if (issuer.algorithms().isEmpty()) {
            Set<String> defaults = new LinkedHashSet<>(keyAlgorithms);
            if (issuer.jwksUri().isPresent()) {
                defaults.add("RS256");
                defaults.add("ES256");
            }
            return defaults;
        }
        Set<String> configured = new LinkedHashSet<>();
        for (String alg : issuer.algorithms().get()) {
            String trimmed = alg.strip();
            if (Algorithms.isNone(trimmed)) {
                problems.add(key + ".algorithms must never hold none");
            } else if (!Algorithms.SUPPORTED.contains(trimmed)) {
                problems.add(key + ".algorithms: unsupported algorithm " + trimmed + "; use one of "
                        + new java.util.TreeSet<>(Algorithms.SUPPORTED));
            } else if (Algorithms.isHmac(trimmed) && !hasHmac) {
                problems.add(key + ".algorithms holds " + trimmed + " but the issuer has no hmac-secret");
            } else {
                configured.add(trimmed);
            }
        }
        if (hasHmac && configured.stream().anyMatch(alg -> !Algorithms.isHmac(alg))
                && issuer.jwksUri().isEmpty() && issuer.publicKey().isEmpty() && issuer.publicKeyFile().isEmpty()) {
            problems.add(key + ".algorithms holds asymmetric algorithms but the issuer has only an hmac-secret");
        }
        return configured;
    }

    private static Set<String> algorithmsFor(PublicKey publicKey, String key, List<String> problems) {
        if (publicKey instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                problems.add(key + ".public-key is weaker than RSA-2048");
            }
            return Set.of("RS256");
        }
        if (publicKey instanceof ECPublicKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> Set.of("ES256");
                case 384 -> Set.of("ES384");
                case 521 -> Set.of("ES512");
                default -> {
                    problems.add(key + ".public-key uses an unsupported elliptic curve");
                    yield Set.of();
                }
            };
        }
        problems.add(key + ".public-key is neither RSA nor EC");
        return Set.of();
    }

    private static void checkLimits(BridgeConfig.Issuer issuer, String key, List<String> problems) {
        if (issuer.audiences().orElse(List.of()).stream().allMatch(String::isBlank)) {
            problems.add(key + ".audiences is empty: name the aud values this bridge accepts");
        }
        if (issuer.clockSkew().isNegative() || issuer.clockSkew().compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add(key + ".clock-skew must be between 0s and 5m");
        }
        if (issuer.maxLifetime().isNegative() || issuer.maxLifetime().isZero()) {
            problems.add(key + ".max-lifetime must be positive");
        }
        if (issuer.jwksRefetchInterval().compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(key + ".jwks-refetch-interval must be at least 1s");
        }
        if (!issuer.roles().mapping().isEmpty() && issuer.roles().claim().isEmpty()) {
            problems.add(key + ".roles.map is set but roles.claim is not");
        }
        issuer.allowedEmailDomains().orElse(List.of()).stream().filter(domain -> domain.contains("@"))
                .forEach(domain -> problems.add(key + ".allowed-email-domains: " + domain + " must be a domain without @"));
    }

    private String resolveApp(BridgeConfig.Issuer issuer, String key, List<String> problems) {
        if (issuer.app().isPresent()) {
            if (!config.apps().containsKey(issuer.app().get())) {
                problems.add(key + ".app names the unknown app " + issuer.app().get());
            }
            return issuer.app().get();
        }
        return config.apps().size() == 1 ? config.apps().keySet().iterator().next() : null;
    }

    /**
     * Holder of the HTTP client for JWKS documents, which is built at its first use. Building a JDK HTTP
     * client starts a selector thread and sets up TLS: about 0.08 s in a profile of start-up.
     */
    private static final class JwksHttp {

        private static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        static HttpClient client() {
            return CLIENT;
        }
    }
}
