package org.plasmicauthbridge.login;

import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.plasmic.PlasmicClient;

/**
 * Plasmic's hosted login ("Plasmic Auth") for self-hosted apps: the browser signs in at Plasmic, and the
 * code comes back to the bridge, which exchanges it at Plasmic's token endpoint. Plasmic's PKCE differs
 * from RFC 7636: it compares the lower-case hex SHA-256 of the verifier, not its base64url form.
 */
final class PlasmicLoginProvider implements LoginProvider {

    private final String name;
    private final BridgeConfig.Provider config;
    private final String projectId;
    private final PlasmicClient plasmic;

    PlasmicLoginProvider(String name, BridgeConfig.Provider config, String projectId, PlasmicClient plasmic) {
        this.name = name;
        this.config = config;
        this.projectId = projectId;
        this.plasmic = plasmic;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BridgeConfig.Provider config() {
        return config;
    }

    @Override
    public Uni<URI> authorizationUrl(String state, String nonce, String codeVerifier, URI redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", projectId);
        query.put("response_type", "code");
        query.put("code_challenge", Pkce.plasmicS256(codeVerifier));
        query.put("code_challenge_method", "S256");
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        String encoded = query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = config.authorizeUrl();
        return Uni.createFrom().item(URI.create(base + (base.contains("?") ? "&" : "?") + encoded));
    }

    @Override
    public Uni<SignIn> complete(String code, LoginState login, URI redirectUri) {
        return plasmic.exchangeCode(projectId, code, login.codeVerifier())
                .map(session -> new SignIn(null, session, null));
    }

    @Override
    public Uni<URI> logoutUrl(String idToken, String postLogoutRedirect) {
        return Uni.createFrom().nullItem();
    }
}
