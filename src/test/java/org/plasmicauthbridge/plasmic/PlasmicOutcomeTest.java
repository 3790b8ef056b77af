package org.plasmicauthbridge.plasmic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/** The mapping of every Plasmic status and body to the bridge's outcomes. */
class PlasmicOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String token(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"appId\":\"p\",\"endUserId\":\"u\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }

    private static ErrorCode codeOf(Runnable call) {
        try {
            call.run();
        } catch (BridgeException e) {
            return e.code();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void ensureSuccessReadsTokenExpiry() throws Exception {
        PlasmicSession session = PlasmicClient.ensureOutcome(200,
                json("{\"token\":\"" + token(2_000_000_000L) + "\",\"user\":{\"email\":\"a@b.c\",\"isLoggedIn\":true}}"));
        assertThat(session.expiresAt().getEpochSecond()).isEqualTo(2_000_000_000L);
        assertThat(session.user().text()).isEqualTo("{\"email\":\"a@b.c\",\"isLoggedIn\":true}");
        assertThat(session.toString()).doesNotContain(session.token());
    }

    @Test
    void ensureFailuresMapToCodes() throws Exception {
        assertThat(codeOf(() -> PlasmicClient.ensureOutcome(403, node("{\"error\":\"unauthorized_user\"}"))))
                .isEqualTo(ErrorCode.UNAUTHORIZED_USER);
        assertThat(codeOf(() -> PlasmicClient.ensureOutcome(403, node("{\"error\":\"invalid_token\"}"))))
                .isEqualTo(ErrorCode.UPSTREAM_MISCONFIGURED);
        assertThat(codeOf(() -> PlasmicClient.ensureOutcome(400, node("{\"error\":\"invalid_request\"}"))))
                .isEqualTo(ErrorCode.UPSTREAM_MISCONFIGURED);
        assertThat(codeOf(() -> PlasmicClient.ensureOutcome(200, null))).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(codeOf(() -> PlasmicClient.ensureOutcome(200, node("{\"token\":\"garbage\",\"user\":{}}"))))
                .isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void userinfoEmptyObjectIsNotLoggedIn() throws Exception {
        assertThat(PlasmicClient.userinfoOutcome(200, json("{}")).loggedIn()).isFalse();
        assertThat(PlasmicClient.userinfoOutcome(200, json("{\"email\":\"a@b.c\"}")).loggedIn()).isTrue();
        assertThat(codeOf(() -> PlasmicClient.userinfoOutcome(200, null))).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void codeExchangeErrorsNamePlasmicReason() throws Exception {
        assertThat(codeOf(() -> PlasmicClient.codeOutcome(400, node("{\"error\":\"code_already_used\"}"))))
                .isEqualTo(ErrorCode.CODE_REUSED);
        assertThat(codeOf(() -> PlasmicClient.codeOutcome(400, node("{\"error\":\"code_expired\"}"))))
                .isEqualTo(ErrorCode.CODE_EXPIRED);
        assertThatThrownBy(() -> PlasmicClient.codeOutcome(400, json("{\"error\":\"invalid_code_verifier\"}")))
                .isInstanceOf(BridgeException.class).hasMessageContaining("invalid_code_verifier");
    }

    @Test
    void wellFormedTokensOnly() {
        assertThat(PlasmicTokens.read(token(5), 8192)).isPresent();
        assertThat(PlasmicTokens.read("a.b", 8192)).isEmpty();
        assertThat(PlasmicTokens.read(token(5), 10)).isEmpty();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String rs256 = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"appId\":\"p\",\"endUserId\":\"u\",\"exp\":5}".getBytes(StandardCharsets.UTF_8)) + ".sig";
        assertThat(PlasmicTokens.read(rs256, 8192)).isEmpty();
        String stringExp = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"appId\":\"p\",\"endUserId\":\"u\",\"exp\":\"5\"}".getBytes(StandardCharsets.UTF_8)) + ".sig";
        assertThat(PlasmicTokens.read(stringExp, 8192)).isEmpty();
    }

    @Test
    void malformedTokenShapesRejected() {
        String valid = token(5);
        int firstDot = valid.indexOf('.');
        int secondDot = valid.lastIndexOf('.');
        String header = valid.substring(0, firstDot);
        String payload = valid.substring(firstDot + 1, secondDot);

        assertThat(PlasmicTokens.read("." + payload + ".sig", 8192)).as("empty header").isEmpty();
        assertThat(PlasmicTokens.read(header + "..sig", 8192)).as("empty payload").isEmpty();
        assertThat(PlasmicTokens.read(header + "." + payload + ".", 8192)).as("empty signature").isEmpty();
        assertThat(PlasmicTokens.read(valid + ".more", 8192)).as("four parts").isEmpty();
        assertThat(PlasmicTokens.read(valid + "=", 8192)).as("padding").isEmpty();
        assertThat(PlasmicTokens.read(header + "." + payload + ".s+g", 8192)).as("base64 character").isEmpty();
    }

    @Test
    void ensureRequestPrintsNoIdentifier() {
        assertThat(new EnsureRequest("person@example.com", null, "r").toString()).doesNotContain("person@");
    }

    private static JsonNode node(String text) {
        try {
            return json(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
