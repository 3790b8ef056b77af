package org.plasmicauthbridge.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JWS in compact serialization (RFC 7515 section 7.1), split and decoded but not verified. The
 * signature itself is checked by jose4j's algorithm classes ({@link AssertionVerifier}).
 *
 * <p>jose4j's own parser allocated a 32 KB buffer for every header and 8 KB buffers for every
 * base64url part: most of the garbage of a warm exchange. This one decodes with the JDK and reads the
 * header with the same strict Jackson mapper as {@link ClaimSets} uses for the payload.
 *
 * <p>The header must be a JSON object with unique member names and a string {@code alg}; {@code kid},
 * when present, must be a string. A header with {@code crit} is rejected, since the bridge implements no
 * extension that a JWS may require (RFC 7515 section 4.1.11); so is one with {@code b64}, which is only
 * valid together with {@code crit} (RFC 7797 section 6). Key-carrying members such as {@code jwk},
 * {@code jku}, {@code x5u} and {@code x5c} are ignored: keys come only from the issuer's configuration.
 */
record CompactJws(String alg, String kid, String payload, byte[] signingInput, byte[] signature) {

    /** Splits and decodes the JWS; fails with a message free of its content when it is not a well-formed one. */
    static CompactJws parse(String compact) throws IOException {
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            throw new IOException("not three dot-separated parts");
        }

        Base64.Decoder base64url = Base64.getUrlDecoder();
        JsonNode header;
        String payload;
        byte[] signature;
        try {
            header = StrictJson.MAPPER.readTree(base64url.decode(compact.substring(0, firstDot)));
            payload = new String(base64url.decode(compact.substring(firstDot + 1, secondDot)), StandardCharsets.UTF_8);
            signature = base64url.decode(compact.substring(secondDot + 1));
        } catch (IllegalArgumentException e) {
            throw new IOException("a part is not base64url");
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the header
            throw new IOException("the header is not a JSON document with unique member names");
        }

        if (header == null || !header.isObject()) {
            throw new IOException("the header is not a JSON object");
        }
        JsonNode alg = header.get("alg");
        JsonNode kid = header.get("kid");
        if (alg == null || !alg.isTextual() || (kid != null && !kid.isTextual())) {
            throw new IOException("alg is missing or not a string, or kid is not a string");
        }
        if (header.has("crit") || header.has("b64")) {
            throw new IOException("the header requires an extension (crit or b64)");
        }

        byte[] signingInput = compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(alg.textValue(), kid == null ? null : kid.textValue(), payload, signingInput, signature);
    }
}
