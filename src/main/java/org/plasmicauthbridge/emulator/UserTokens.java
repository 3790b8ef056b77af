package org.plasmicauthbridge.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints and checks Plasmic user tokens: HS256 JWTs with the claims {@code appId},
 * {@code endUserId}, {@code iat} and {@code exp = iat + 7 days}, signed with a key that each
 * emulator draws at random, so that no one else can forge its tokens.
 */
final class UserTokens {

    static final Duration LIFETIME = Duration.ofDays(7);

    private final HmacKey key;
    private final Clock clock;

    UserTokens(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new HmacKey(secret);
        this.clock = clock;
    }

    String mint(String appId, String endUserId) {
        long issuedAt = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setClaim("appId", appId);
        claims.setClaim("endUserId", endUserId);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt + LIFETIME.toSeconds()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing a user token with HS256 failed", e);
        }
    }

    /**
     * Returns the claims of a token that this emulator signed and that has not expired, or empty for
     * any other token. A token expires at the second of its {@code exp}, as in the {@code jsonwebtoken}
     * library that Plasmic uses. The failure reason is dropped on purpose, because jose4j puts the
     * claims into its exception messages.
     */
    Optional<JwtClaims> verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setSkipDefaultAudienceValidation()
                .build();
        try {
            return Optional.of(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
