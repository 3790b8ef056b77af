package org.plasmicauthbridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;

/**
 * A scripted OpenID provider on 127.0.0.1 for the bridge's negative sign-in tests: its authorization
 * endpoint signs the user in at once and redirects back with a code, and its token endpoint issues an
 * ID token signed with the test key {@code rsa-1}, checking the client secret and the PKCE verifier.
 * Tests change the next ID token's claims to produce a wrong nonce, audience or {@code azp}. The real
 * provider in the browser test is the certified Node {@code oidc-provider}.
 */
public final class StubOidcProvider {

    public static final String CLIENT_ID = "bridge-client";
    public static final String CLIENT_SECRET = "stub-client-secret";

    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Object> claimOverrides = new ConcurrentHashMap<>();
    private volatile String email = "stub-user@example.com";

    public StubOidcProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> reply(exchange, 200, "{\"keys\":[" + TestKeys.rsaPublicJwk("rsa-1", "rsa-1") + "]}"));
        server.createContext("/logout", exchange -> reply(exchange, 200, "{}"));
    }

    public StubOidcProvider start() {
        server.start();
        return this;
    }

    public void stop() {
        server.stop(0);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the e-mail of the next signed-in user. */
    public void signInAs(String address) {
        this.email = address;
    }

    /** Replaces (or with a null value removes) a claim in every ID token until {@link #reset()}. */
    public void overrideClaim(String name, Object value) {
        claimOverrides.put(name, value == null ? Null.INSTANCE : value);
    }

    public void reset() {
        claimOverrides.clear();
        email = "stub-user@example.com";
    }

    private enum Null { INSTANCE }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        metadata.put("jwks_uri", issuer() + "/jwks");
        metadata.put("end_session_endpoint", issuer() + "/logout");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        reply(exchange, 200, JsonUtil.toJson(metadata));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, query);
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state");
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> authorization = codes.remove(form.getOrDefault("code", ""));
        if (authorization == null || !authorization.get("redirect_uri").equals(form.get("redirect_uri"))
                || !s256(form.getOrDefault("code_verifier", "")).equals(authorization.get("code_challenge"))) {
            reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> response = new HashMap<>();
        response.put("access_token", UUID.randomUUID().toString());
        response.put("token_type", "Bearer");
        response.put("expires_in", 300);
        response.put("id_token", idToken(authorization.get("nonce")));
        reply(exchange, 200, JsonUtil.toJson(response));
    }

    private String idToken(String nonce) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", "stub-" + email);
        claims.put("aud", CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("nonce", nonce);
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("groups", List.of("staff", "admins"));
        claimOverrides.forEach((name, value) -> {
            if (value == Null.INSTANCE) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setKey(TestKeys.privateKey("rsa-1"));
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
