package org.plasmicauthbridge.login;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/**
 * Sign-in at an OpenID provider with the authorization code flow and PKCE, on the Nimbus OAuth 2.0
 * SDK: discovery, the authorization request, the code exchange and the ID token checks of OpenID
 * Connect Core section 3.1.3.7 (signature from the provider's JWKS, {@code iss}, {@code aud},
 * {@code azp}, {@code exp}, {@code iat}, {@code nonce}). The SDK's HTTP calls block, so they run on
 * worker threads, never on the event loop.
 */
final class OidcLoginProvider implements LoginProvider {

    private static final int CONNECT_TIMEOUT_MS = 2000;
    private static final int READ_TIMEOUT_MS = 5000;
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final String name;
    private final BridgeConfig.Provider config;
    private final ClientID clientId;
    private final Secret clientSecret;
    private volatile Discovered discovered;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    OidcLoginProvider(String name, BridgeConfig.Provider config, String clientSecret) {
        this.name = name;
        this.config = config;
        this.clientId = new ClientID(config.clientId().orElseThrow());
        this.clientSecret = clientSecret == null ? null : new Secret(clientSecret);
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
        return blocking(() -> {
            OIDCProviderMetadata metadata = discover().metadata();
            return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(config.scopes().toArray(String[]::new)),
                    clientId, redirectUri)
                    .endpointURI(metadata.getAuthorizationEndpointURI())
                    .state(new State(state))
                    .nonce(new Nonce(nonce))
                    .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                    .build()
                    .toURI();
        });
    }

    @Override
    public Uni<SignIn> complete(String code, LoginState login, URI redirectUri) {
        return blocking(() -> {
            Discovered provider = discover();
            OIDCTokenResponse tokens = exchange(provider.metadata(), code, login.codeVerifier(), redirectUri);
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw loginFailed("the token response has no ID token");
            }
            IDTokenClaimsSet claims = validate(provider.validator(), idToken, login.nonce());
            Map<String, Object> merged = new HashMap<>(claims.toJSONObject());
            addUserInfo(provider.metadata(), tokens.getOIDCTokens().getBearerAccessToken(), claims, merged);
            return new SignIn(merged, null, idToken.serialize());
        });
    }

    @Override
    public boolean acceptsIssuer(String iss) {
        return iss == null || iss.equals(config.issuer().orElse(null));
    }

    @Override
    public Uni<URI> logoutUrl(String idToken, String postLogoutRedirect) {
        return blocking(() -> {
            URI endSession = discover().metadata().getEndSessionEndpointURI();
            if (endSession == null || !config.rpInitiatedLogout()) {
                return null;
            }
            URI redirect = postLogoutRedirect == null ? null : URI.create(postLogoutRedirect);
            JWT hint = idToken == null ? null : com.nimbusds.jwt.JWTParser.parse(idToken);
            return new LogoutRequest(endSession, hint, null, clientId, redirect, null, null).toURI();
        });
    }

    private OIDCTokenResponse exchange(OIDCProviderMetadata metadata, String code, String verifier, URI redirectUri)
            throws Exception {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(verifier));
        TokenRequest request = clientSecret != null
                ? new TokenRequest(metadata.getTokenEndpointURI(), new ClientSecretBasic(clientId, clientSecret), grant, null)
                : new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant, null);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        TokenResponse response = OIDCTokenResponseParser.parse(http.send());
        if (!response.indicatesSuccess()) {
            String error = response.toErrorResponse().getErrorObject().getCode();
            throw loginFailed("the provider rejected the code exchange with " + safe(error));
        }
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private IDTokenClaimsSet validate(IDTokenValidator validator, JWT idToken, String nonce) {
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(nonce));
        } catch (Exception e) {
            // The SDK's messages can quote claims: only the exception type is kept.
            throw loginFailed("the ID token failed validation (" + e.getClass().getSimpleName() + ")");
        }
        // OpenID Connect Core 3.1.3.7 items 4 and 5: with several audiences azp must be present, and when
        // azp is present it must be this client.
        List<?> audiences = claims.getAudience();
        if (claims.getAuthorizedParty() != null && !clientId.equals(claims.getAuthorizedParty())) {
            throw loginFailed("the ID token was issued to another client (azp)");
        }
        if (audiences.size() > 1 && claims.getAuthorizedParty() == null) {
            throw loginFailed("the ID token has several audiences and no azp");
        }
        return claims;
    }

    /**
     * Adds the claims of the UserInfo endpoint that the ID token lacks, such as {@code email} at
     * providers that put only {@code sub} in ID tokens. The UserInfo {@code sub} must match (OpenID
     * Connect Core section 5.3.2); the ID token's own claims always win.
     */
    private void addUserInfo(OIDCProviderMetadata metadata, BearerAccessToken accessToken, IDTokenClaimsSet claims,
            Map<String, Object> merged) {
        if (metadata.getUserInfoEndpointURI() == null || accessToken == null || merged.containsKey(config.emailClaim())
                && merged.containsKey(config.externalIdClaim())) {
            return;
        }
        try {
            HTTPRequest http = new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            UserInfoResponse response = UserInfoResponse.parse(http.send());
            if (response.indicatesSuccess()) {
                var info = response.toSuccessResponse().getUserInfo();
                if (claims.getSubject().equals(info.getSubject())) {
                    info.toJSONObject().forEach(merged::putIfAbsent);
                }
            }
        } catch (Exception e) {
            Log.warnf("Provider %s: the UserInfo request failed (%s)", name, e.getClass().getSimpleName());
        }
    }

    private Discovered discover() {
        Discovered current = discovered;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = fetchDiscovery();
            }
            return discovered;
        }
    }

    private Discovered fetchDiscovery() {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(config.issuer().orElseThrow()), CONNECT_TIMEOUT_MS,
                    READ_TIMEOUT_MS);
        } catch (Exception e) {
            Log.warnf("Provider %s: discovery failed (%s)", name, e.getClass().getSimpleName());
            throw new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE, "The sign-in provider cannot be reached; retry later", 5);
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 512 * 1024)).build();
            Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null ? Set.of(JWSAlgorithm.RS256)
                    : metadata.getIDTokenJWSAlgs().stream().filter(ASYMMETRIC::contains).collect(Collectors.toSet());
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId,
                    new JWSVerificationKeySelector<>(algorithms, keys), null);
            validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            return new Discovered(metadata, validator);
        } catch (Exception e) {
            Log.warnf("Provider %s: the discovery document is unusable (%s)", name, e.getClass().getSimpleName());
            throw new BridgeException(ErrorCode.UPSTREAM_MISCONFIGURED, "The sign-in provider's discovery document is unusable");
        }
    }

    private BridgeException loginFailed(String reason) {
        Log.infof("Provider %s: sign-in failed because %s", name, reason);
        return new BridgeException(ErrorCode.LOGIN_FAILED, "Sign-in at the provider failed");
    }

    private static String safe(String error) {
        return error != null && error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "an error";
    }

    private static <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (BridgeException e) {
                throw e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new BridgeException(ErrorCode.UPSTREAM_UNAVAILABLE, "The sign-in provider cannot be reached; retry later", 5);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @FunctionalInterface
    private interface Callable<T> {
        T call() throws Exception;
    }

}
