package org.plasmicauthbridge.plasmic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * The one gateway to Plasmic's app-auth API. It owns the timeouts, the retries of idempotent calls with
 * exponential backoff, and the mapping of every Plasmic status and body to the bridge's error codes.
 * Each operation has its own circuit breaker, so that a flood of bad user tokens cannot block sign-ins.
 */
@ApplicationScoped
public class PlasmicClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Statuses that mean Plasmic is failing: the call is retried, and the circuit breaker counts it. */
    private static final IntPredicate FAILING = status -> status >= 500 || status == 429;

    /**
     * The failing statuses of userinfo. Plasmic also returns a plain 500 for a malformed, wrongly signed
     * or expired token, and anyone can make such tokens. A flood of them would otherwise open the breaker
     * and turn away every caller of verify and userinfo. That 500 is still answered with a 503, since it
     * may be an outage.
     */
    private static final IntPredicate USERINFO_FAILING = status -> status != 500 && FAILING.test(status);
    private static final TypeLiteral<Uni<Response>> RESPONSE = new TypeLiteral<>() {
    };

    @Inject
    BridgeConfig config;

    @Inject
    MeterRegistry meters;

    private PlasmicAppAuthApi api;
    private TypedGuard<Uni<Response>> ensureGuard;
    private TypedGuard<Uni<Response>> userinfoGuard;
    private TypedGuard<Uni<Response>> codeGuard;

    @PostConstruct
    void init() {
        BridgeConfig.Plasmic plasmic = config.plasmic();
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(plasmic.host()))
                .connectTimeout(plasmic.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(plasmic.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(PlasmicAppAuthApi.class);
        ensureGuard = guard("plasmic-ensure-user", plasmic.maxRetries());
        userinfoGuard = guard("plasmic-userinfo", plasmic.maxRetries());
        // A code is single use, so its exchange is never retried.
        codeGuard = guard("plasmic-code-exchange", 0);
    }

    private TypedGuard<Uni<Response>> guard(String name, int maxRetries) {
        BridgeConfig.Plasmic plasmic = config.plasmic();
        TypedGuard.Builder<Uni<Response>> builder = TypedGuard.create(RESPONSE).withDescription(name);
        builder.withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(plasmic.breakerWindow())
                .failureRatio(plasmic.breakerFailureRatio())
                .delay(plasmic.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .failOn(UpstreamFailure.class)
                .onStateChange(state -> Log.warnf("Plasmic circuit breaker %s is now %s", name, state))
                .done();
        if (maxRetries > 0) {
            builder.withRetry()
                    .maxRetries(maxRetries)
                    .delay(plasmic.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(UpstreamFailure.class)
                    .withExponentialBackoff().factor(2).done()
                    .done();
        }
        return builder.build();
    }

    /** Creates the user if needed and returns it with a freshly minted user token. */
    public Uni<PlasmicSession> ensureUser(String appSecret, EnsureRequest request) {
        ObjectNode body = JSON.createObjectNode();
        if (request.email() != null) {
            body.put("email", request.email());
        }
        if (request.externalId() != null) {
            body.put("externalId", request.externalId());
        }
        if (request.roleId() != null) {
            body.put("roleId", request.roleId());
        }
        return call("ensure_user", ensureGuard, FAILING, () -> api.ensureUser(appSecret, body))
                .map(response -> ensureOutcome(response.getStatus(), readBody(response)));
    }

    /** Returns the user for a user token, or a result without user when Plasmic returned {@code 200 {}}. */
    public Uni<UserinfoResult> userinfo(String userToken) {
        return call("userinfo", userinfoGuard, USERINFO_FAILING, () -> api.userinfo(userToken))
                .map(response -> userinfoOutcome(response.getStatus(), readBody(response)));
    }

    /** Exchanges a code from Plasmic's hosted login; {@code codeVerifier} is the PKCE verifier. */
    public Uni<PlasmicSession> exchangeCode(String projectId, String code, String codeVerifier) {
        return call("code_exchange", codeGuard, FAILING,
                () -> api.exchangeCode("authorization_code", code, projectId, codeVerifier))
                .map(response -> codeOutcome(response.getStatus(), readBody(response)));
    }

    private Uni<Response> call(String operation, TypedGuard<Uni<Response>> guard, IntPredicate failing,
            Supplier<Uni<Response>> request) {
        Timer.Sample sample = Timer.start(meters);
        return guard.get(() -> request.get()
                        .onFailure().transform(PlasmicClient::asUpstreamFailure)
                        .map(response -> failOnStatus(response, failing)))
                .onItem().invoke(response -> record(sample, operation, "status_" + response.getStatus()))
                .onFailure().transform(failure -> {
                    record(sample, operation, failure instanceof CircuitBreakerOpenException ? "breaker_open" : "unavailable");
                    return unavailable(operation, failure);
                });
    }

    private void record(Timer.Sample sample, String operation, String outcome) {
        sample.stop(meters.timer("bridge.plasmic.calls", "operation", operation, "outcome", outcome));
    }

    private static Throwable asUpstreamFailure(Throwable failure) {
        if (failure instanceof UpstreamFailure) {
            return failure;
        }
        // Only the exception type is kept: transport messages can echo request data.
        return new UpstreamFailure(failure.getClass().getSimpleName());
    }

    /** Throws an {@link UpstreamFailure}, which the guard retries and counts, for a failing status. */
    private static Response failOnStatus(Response response, IntPredicate failing) {
        int status = response.getStatus();
        if (failing.test(status)) {
            throw new UpstreamFailure("HTTP " + status);
        }
        return response;
    }

    private BridgeException unavailable(String operation, Throwable failure) {
        if (failure instanceof BridgeException bridge) {
            return bridge;
        }
        boolean open = failure instanceof CircuitBreakerOpenException;
        int retryAfter = open ? (int) Math.max(1, config.plasmic().breakerDelay().toSeconds()) : 2;
        Log.warnf("Plasmic %s failed: %s", operation, open ? "circuit breaker open" : failure.getMessage());
        return new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Plasmic is unavailable; retry later", retryAfter);
    }

    private static JsonNode readBody(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception e) {
            return null; // not JSON: the callers treat a missing body as a broken response
        }
    }

    static PlasmicSession ensureOutcome(int status, JsonNode body) {
        if (status == 200) {
            return session(body).orElseThrow(() -> brokenAnswer("ensure user"));
        }
        String error = errorName(body);
        if (status == 403 && "unauthorized_user".equals(error)) {
            throw new BridgeException(ErrorCode.UNAUTHORIZED_USER,
                    "Plasmic refused this user: no role of the app applies to it");
        }
        if (status == 403 || status == 401) {
            Log.warn("Plasmic rejected the app secret: check bridge.apps.<app>.secret against the auth Settings tab");
            throw new BridgeException(ErrorCode.UPSTREAM_MISCONFIGURED, "Plasmic rejected the bridge's app secret");
        }
        throw unexpected("ensure user", status);
    }

    static UserinfoResult userinfoOutcome(int status, JsonNode body) {
        if (status == 200 && body != null && body.isObject()) {
            ObjectNode user = (ObjectNode) body;
            return new UserinfoResult(user.isEmpty() ? null : new PlasmicUser(user));
        }
        if (status == 200) {
            throw brokenAnswer("userinfo");
        }
        throw unexpected("userinfo", status);
    }

    static PlasmicSession codeOutcome(int status, JsonNode body) {
        if (status == 200) {
            return session(body).orElseThrow(() -> brokenAnswer("code exchange"));
        }
        String error = errorName(body);
        if (status == 400 && "code_expired".equals(error)) {
            throw new BridgeException(ErrorCode.CODE_EXPIRED, "The sign-in code from Plasmic has expired");
        }
        if (status == 400 && "code_already_used".equals(error)) {
            throw new BridgeException(ErrorCode.CODE_REUSED, "The sign-in code from Plasmic was already used");
        }
        if (status == 400 && error != null && error.matches("[a-z_]{1,64}")) {
            throw new BridgeException(ErrorCode.INVALID_GRANT, "Plasmic rejected the code: " + error);
        }
        throw unexpected("code exchange", status);
    }

    private static Optional<PlasmicSession> session(JsonNode body) {
        if (body == null || !body.path("token").isTextual() || !body.path("user").isObject()) {
            return Optional.empty();
        }
        String token = body.get("token").asText();
        Instant expiresAt = PlasmicTokens.read(token, Integer.MAX_VALUE)
                .map(PlasmicTokens.TokenClaims::expiresAt)
                .orElse(null);
        if (expiresAt == null) {
            return Optional.empty();
        }
        return Optional.of(new PlasmicSession(new PlasmicUser((ObjectNode) body.get("user")), token, expiresAt));
    }

    private static String errorName(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            return body.asText();
        }
        JsonNode error = body.get("error");
        return error != null && error.isTextual() ? error.asText() : null;
    }

    private static BridgeException brokenAnswer(String operation) {
        Log.warnf("Plasmic %s returned a body that is not Plasmic's JSON", operation);
        return new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE, "Plasmic returned an unexpected response; retry later", 2);
    }

    private static BridgeException unexpected(String operation, int status) {
        Log.warnf("Plasmic %s returned the unexpected status %d", operation, status);
        if (status == 404 || status == 400) {
            return new BridgeException(ErrorCode.UPSTREAM_MISCONFIGURED,
                    "Plasmic returned status " + status + "; check bridge.plasmic.host");
        }
        return new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE, "Plasmic returned status " + status, 2);
    }
}
