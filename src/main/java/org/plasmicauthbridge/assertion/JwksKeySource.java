package org.plasmicauthbridge.assertion;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.json.JsonUtil;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * An issuer's keys from its JWKS URI. The document is cached and refreshed after {@code cacheTtl}; a
 * token whose {@code kid} is unknown causes at most one refetch per {@code refetchInterval}, so a flood
 * of made-up {@code kid}s costs a bounded number of fetches. Concurrent fetches share one request, and a
 * document that cannot be read keeps the keys fetched before it.
 */
final class JwksKeySource implements KeySource {

    private static final int MAX_DOCUMENT_CHARS = 512 * 1024;
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final String issuerName;
    private final URI uri;
    private final Set<String> allowedAlgorithms;
    private final Duration cacheTtl;
    private final Duration refetchInterval;
    private final Supplier<HttpClient> http;
    private final Duration timeout;
    private final Clock clock;

    private volatile Snapshot current;
    private final AtomicReference<Instant> lastUnknownKidFetch = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Uni<Snapshot>> inflight = new AtomicReference<>();

    private record Snapshot(List<JsonWebKey> keys, Instant fetchedAt) {
    }

    JwksKeySource(String issuerName, URI uri, Set<String> allowedAlgorithms, Duration cacheTtl,
            Duration refetchInterval, Supplier<HttpClient> http, Duration timeout, Clock clock) {
        this.issuerName = issuerName;
        this.uri = uri;
        this.allowedAlgorithms = allowedAlgorithms;
        this.cacheTtl = cacheTtl;
        this.refetchInterval = refetchInterval;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Uni<List<JsonWebKey>> candidates(String kid, String alg) {
        Snapshot snapshot = current;
        if (snapshot == null || snapshot.fetchedAt().plus(cacheTtl).isBefore(clock.instant())) {
            return refresh().map(fresh -> select(fresh, kid, alg));
        }
        List<JsonWebKey> found = select(snapshot, kid, alg);
        if (!found.isEmpty() || kid == null || !claimUnknownKidFetch()) {
            return Uni.createFrom().item(found);
        }
        return refresh().map(fresh -> select(fresh, kid, alg));
    }

    private boolean claimUnknownKidFetch() {
        Instant now = clock.instant();
        Instant last = lastUnknownKidFetch.get();
        return last.plus(refetchInterval).isBefore(now) && lastUnknownKidFetch.compareAndSet(last, now);
    }

    private static List<JsonWebKey> select(Snapshot snapshot, String kid, String alg) {
        return snapshot.keys().stream()
                .filter(key -> kid == null || kid.equals(key.getKeyId()))
                .filter(key -> Algorithms.fits(key, alg))
                .filter(key -> key.getAlgorithm() == null || key.getAlgorithm().equals(alg))
                .toList();
    }

    private Uni<Snapshot> refresh() {
        Uni<Snapshot> running = inflight.get();
        if (running != null) {
            return running;
        }
        Uni<Snapshot> fetch = fetch().memoize().indefinitely();
        if (!inflight.compareAndSet(null, fetch)) {
            return inflight.get() == null ? refresh() : inflight.get();
        }
        return fetch.eventually(() -> inflight.compareAndSet(fetch, null));
    }

    private Uni<Snapshot> fetch() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return Uni.createFrom().completionStage(() -> http.get().sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200 || response.body().length() > MAX_DOCUMENT_CHARS) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    Snapshot snapshot = new Snapshot(parse(response.body()), clock.instant());
                    current = snapshot;
                    return snapshot;
                })
                .onFailure().recoverWithItem(failure -> keepPrevious(failure));
    }

    private Snapshot keepPrevious(Throwable failure) {
        Snapshot previous = current;
        Log.warnf("JWKS of issuer %s could not be read (%s); %s", issuerName, failure.getClass().getSimpleName(),
                previous == null ? "no keys are known yet" : "keeping the keys fetched before");
        if (previous == null) {
            throw new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The issuer's signing keys could not be fetched; retry later", 5);
        }
        return previous;
    }

    /** Parses the document and keeps only entries that are safe and useful for verifying signatures. */
    List<JsonWebKey> parse(String document) {
        Map<String, Object> json;
        try {
            json = JsonUtil.parseJson(document);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON");
        }
        if (!(json.get("keys") instanceof List<?> entries)) {
            throw new IllegalStateException("no keys array");
        }
        List<JsonWebKey> keys = new ArrayList<>();
        Set<String> seenKids = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> raw)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> member = (Map<String, Object>) raw;
            String kid = member.get("kid") instanceof String text ? text : null;
            String problem = problem(member, kid, seenKids);
            if (problem != null) {
                Log.warnf("JWKS of issuer %s: ignoring key kid=%s because %s", issuerName, kid, problem);
                continue;
            }
            try {
                keys.add(SignatureProviders.current().jwk(member));
            } catch (Exception e) {
                Log.warnf("JWKS of issuer %s: ignoring key kid=%s because it cannot be read", issuerName, kid);
            }
        }
        return List.copyOf(keys);
    }

    private String problem(Map<String, Object> member, String kid, Set<String> seenKids) {
        if (PRIVATE_MEMBERS.stream().anyMatch(member::containsKey)) {
            return "it holds private key members";
        }
        Object use = member.get("use");
        if (use != null && !"sig".equals(use)) {
            return "its use is not sig";
        }
        if (member.get("key_ops") instanceof List<?> ops && !ops.contains("verify")) {
            return "its key_ops do not allow verify";
        }
        Object kty = member.get("kty");
        if (!"RSA".equals(kty) && !"EC".equals(kty)) {
            return "its kty is not RSA or EC";
        }
        Object alg = member.get("alg");
        if (alg != null && !allowedAlgorithms.contains(alg)) {
            return "its alg is not in the issuer's allow-list";
        }
        if ("RSA".equals(kty) && !strongEnough(member)) {
            return "it is weaker than RSA-2048";
        }
        if (kid != null && !seenKids.add(kid)) {
            return "its kid repeats an earlier entry's";
        }
        return null;
    }

    private static boolean strongEnough(Map<String, Object> member) {
        try {
            RsaJsonWebKey rsa = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(member);
            return rsa.getRsaPublicKey().getModulus().bitLength() >= 2048;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "JwksKeySource[" + issuerName + ", " + Objects.toString(uri) + "]";
    }
}
