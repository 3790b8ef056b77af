package org.plasmicauthbridge.assertion;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jwt.JwtClaims;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.observability.BridgeMetrics;

/**
 * Verifies signed assertions against the trusted issuers, in a fixed order: the unverified {@code iss}
 * only selects an issuer, whose allow-list must hold the header's {@code alg}; then the signature, so
 * that a token with a bad signature is {@code signature_invalid} whatever else is wrong with it; only
 * then the claims (RFC 7519 section 4.1). Failure details never contain claim values, and jose4j's
 * exception messages, which quote the claims, are never used. An assertion that passed every check
 * before skips only its signature check when it comes again ({@link VerifiedSignatures}).
 */
@ApplicationScoped
public class AssertionVerifier {

    @Inject
    IssuerRegistry issuers;

    @Inject
    BridgeConfig config;

    Clock clock = Clock.systemUTC();

    @Inject
    BridgeMetrics metrics;

    private VerifiedSignatures signatures;

    @PostConstruct
    void init() {
        signatures = new VerifiedSignatures(config.cache().verifiedSignatures(), metrics);
    }

    /** Verifies the assertion; fails with a {@link BridgeException} that names the reason. */
    public Uni<VerifiedAssertion> verify(String compact) {
        return Uni.createFrom().deferred(() -> verifyParsed(compact));
    }

    private Uni<VerifiedAssertion> verifyParsed(String compact) {
        CompactJws jws = parse(compact);
        JwtClaims claims = readClaims(jws);
        TrustedIssuer issuer = selectIssuer(claims);
        return Uni.createFrom().deferred(() -> verifyForIssuer(compact, jws, claims, issuer))
                .onFailure(BridgeException.class)
                .transform(failure -> ((BridgeException) failure).forIssuer(issuer.name()));
    }

    private Uni<VerifiedAssertion> verifyForIssuer(String compact, CompactJws jws, JwtClaims claims, TrustedIssuer issuer) {
        String alg = jws.alg();
        if (!issuer.algorithms().contains(alg)) {
            throw reject(ErrorCode.ALGORITHM_NOT_ALLOWED, "The algorithm is not allowed for this issuer");
        }
        String kid = jws.kid();
        ByteBuffer digest = signatures.digest(compact, alg);
        return Uni.join().all(issuer.keySources().stream().map(source -> source.candidates(kid, alg)).toList())
                .andFailFast()
                .map(keyLists -> {
                    boolean known = signatures.verifiedBefore(digest, keyLists);
                    JsonWebKey key = known ? null : verifySignature(jws, alg, keyLists);
                    VerifiedAssertion verified = checkClaims(issuer, claims);
                    if (!known) {
                        // Keep the entry only as long as the assertion can pass the time checks.
                        Duration skew = issuer.config().clockSkew();
                        signatures.remember(digest, key, Duration.between(clock.instant(), verified.expiresAt()).plus(skew));
                    }
                    return verified;
                });
    }

    private CompactJws parse(String compact) {
        int maxChars = config.limits().maxTokenChars();
        if (compact == null || compact.isBlank()) {
            throw reject(ErrorCode.INVALID_ASSERTION, "The assertion is empty");
        }
        if (compact.length() > maxChars) {
            throw reject(ErrorCode.INVALID_ASSERTION, "The assertion is longer than " + maxChars + " characters");
        }
        try {
            return CompactJws.parse(compact);
        } catch (Exception e) {
            // Jackson's messages may quote the input: only the fact of the failure is kept
            throw reject(ErrorCode.INVALID_ASSERTION, "The assertion is not a compact JWS");
        }
    }

    /**
     * Parses the claim set once, before the signature is checked: its {@code iss} selects the issuer, and
     * the other claims are read only after the signature has verified.
     */
    private static JwtClaims readClaims(CompactJws jws) {
        try {
            return ClaimSets.parse(jws.payload());
        } catch (Exception e) {
            throw reject(ErrorCode.INVALID_ASSERTION, "The assertion's payload is not a JSON claim set");
        }
    }

    private TrustedIssuer selectIssuer(JwtClaims claims) {
        Object iss = claims.getClaimValue("iss");
        if (!(iss instanceof String issuer)) {
            throw reject(ErrorCode.UNTRUSTED_ISSUER, "The assertion has no iss claim");
        }
        return issuers.find(issuer)
                .orElseThrow(() -> reject(ErrorCode.UNTRUSTED_ISSUER, "The issuer is not trusted"));
    }

    /** Returns the key that verifies the signature. */
    private static JsonWebKey verifySignature(CompactJws jws, String alg, List<List<JsonWebKey>> keyLists) {
        JsonWebSignatureAlgorithm algorithm;
        try {
            algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
        } catch (Exception e) {
            throw reject(ErrorCode.ALGORITHM_NOT_ALLOWED, "The algorithm is not supported");
        }
        ProviderContext providers = SignatureProviders.current().contextFor(alg);
        for (List<JsonWebKey> keys : keyLists) {
            for (JsonWebKey key : keys) {
                try {
                    algorithm.validateVerificationKey(key.getKey());
                    if (algorithm.verifySignature(jws.signature(), key.getKey(), jws.signingInput(), providers)) {
                        return key;
                    }
                } catch (Exception e) {
                    // a key that does not fit is just not the signing key
                }
            }
        }
        throw reject(ErrorCode.SIGNATURE_INVALID, "The signature does not verify with any key of the issuer");
    }

    private VerifiedAssertion checkClaims(TrustedIssuer issuer, JwtClaims claims) {
        BridgeConfig.Issuer rules = issuer.config();
        TimeClaims time;
        try {
            time = TimeClaims.read(claims);
        } catch (BridgeException e) {
            throw e;
        } catch (Exception e) {
            throw reject(ErrorCode.INVALID_ASSERTION, "The assertion's claims are malformed");
        }
        checkAudience(rules, claims);
        long now = clock.instant().getEpochSecond();
        time.check(now, rules.clockSkew().toSeconds(), rules.maxLifetime().toSeconds());
        String jti = claims.getClaimValue("jti") instanceof String text ? text : null;
        if (rules.singleUse() && (jti == null || jti.isEmpty())) {
            throw reject(ErrorCode.INVALID_ASSERTION, "This issuer requires a jti claim");
        }
        if (jti != null && (jti.length() > 256 || jti.chars().anyMatch(Character::isISOControl))) {
            throw reject(ErrorCode.INVALID_ASSERTION, "The jti claim is longer than 256 characters or contains control characters");
        }
        Map<String, Object> values = claims.getClaimsMap();
        return new VerifiedAssertion(issuer, values, jti, Instant.ofEpochSecond(time.exp()));
    }

    private static void checkAudience(BridgeConfig.Issuer rules, JwtClaims claims) {
        List<String> accepted = rules.audiences().orElse(List.of());
        // RFC 7519 section 4.1.3: aud is one string or an array of strings.
        Object aud = claims.getClaimValue("aud");
        List<?> audiences;
        if (aud instanceof List<?> list) {
            audiences = list;
        } else if (aud == null) {
            audiences = List.of();
        } else {
            audiences = List.of(aud);
        }
        if (audiences.stream().noneMatch(accepted::contains)) {
            throw reject(ErrorCode.AUDIENCE_MISMATCH, "The assertion's aud names none of the accepted audiences");
        }
    }

    static BridgeException reject(ErrorCode code, String detail) {
        return new BridgeException(code, detail);
    }
}
