package org.plasmicauthbridge.login;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.plasmicauthbridge.config.AppRegistry;
import org.plasmicauthbridge.config.AppRegistry.App;
import org.plasmicauthbridge.config.BridgeConfig;
import org.plasmicauthbridge.crypto.Digests;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.exchange.UserTokenService;
import org.plasmicauthbridge.identity.Identity;
import org.plasmicauthbridge.identity.IdentityMapper;
import org.plasmicauthbridge.plasmic.PlasmicSession;
import org.plasmicauthbridge.session.BrowserSession;
import org.plasmicauthbridge.session.SessionService;
import org.plasmicauthbridge.store.Store;

/**
 * Browser sign-in: the redirect to a provider, the callback, and the session that results. The same
 * identity and role mapping and the same Plasmic token cache serve sign-in and assertion exchange.
 */
@ApplicationScoped
public class LoginService {

    /**
     * Where a callback sends the browser: with the new session's id when sign-in succeeded, else with
     * the error code that was added to the target.
     */
    public record Callback(String location, String sessionId, String error) {

        static Callback failed(String returnTo, String error) {
            return new Callback(withError(returnTo, error), null, error);
        }

        @Override
        public String toString() {
            return "Callback[session=" + (sessionId == null ? "absent" : "present") + ", error=" + error + "]";
        }
    }

    /**
     * Error codes of RFC 6749 section 4.1.2.1 and OpenID Connect Core section 3.1.2.6 that are passed
     * on to the app; any other value becomes {@code provider_error}, so that logs and metric tags only
     * ever hold known words.
     */
    static final java.util.Set<String> PROVIDER_ERRORS = java.util.Set.of("access_denied", "invalid_request",
            "unauthorized_client", "unsupported_response_type", "invalid_scope", "server_error",
            "temporarily_unavailable", "interaction_required", "login_required", "account_selection_required",
            "consent_required", "invalid_request_uri", "invalid_request_object", "request_not_supported",
            "request_uri_not_supported", "registration_not_supported");

    @Inject
    ProviderRegistry providers;

    @Inject
    BridgeConfig config;

    @Inject
    Store store;

    @Inject
    AppRegistry apps;

    @Inject
    UserTokenService userTokens;

    @Inject
    SessionService sessions;

    Clock clock = Clock.systemUTC();

    /**
     * A started sign-in: the provider's authorization URL, and the browser id that the login cookie
     * must carry to the callback.
     */
    public record Start(URI location, String browserId) {

        @Override
        public String toString() {
            return "Start[browserId=present]";
        }
    }

    /**
     * Starts a sign-in and returns the provider's authorization URL. {@code browserId} is the value of
     * the browser's login cookie, or null; a browser without a valid one gets a new random id. Tabs of
     * one browser share the id, so they can sign in at the same time.
     */
    public Uni<Start> start(String providerName, String returnTo, String browserId) {
        return Uni.createFrom().deferred(() -> {
            LoginProvider provider = provider(providerName);
            String target = returnTarget(returnTo);
            String browser = browserId != null && browserId.matches("[A-Za-z0-9_-]{43}") ? browserId : Pkce.randomToken();
            String state = Pkce.randomToken();
            LoginState login = new LoginState(provider.name(), Pkce.randomToken(), Pkce.randomToken(), target,
                    Digests.sha256Hex(browser));
            return store.put(stateKey(state), login.write(), config.session().loginTimeout())
                    .flatMap(stored -> provider.authorizationUrl(state, login.nonce(), login.codeVerifier(),
                            callbackUri(provider.name())))
                    .map(location -> new Start(location, browser));
        });
    }

    /**
     * Completes a sign-in. The state is taken from the store, so it works once; a missing, unknown,
     * reused or expired state, or a browser other than the one that started the sign-in, fails with
     * {@code invalid_state}. Failures after the state was found send
     * the browser back to the app with an {@code error} parameter.
     */
    public Uni<Callback> callback(String providerName, String code, String state, String error, String iss,
            String browserId) {
        return Uni.createFrom().deferred(() -> {
            LoginProvider provider = provider(providerName);
            if (state == null || state.isEmpty() || state.length() > 256) {
                throw new BridgeException(ErrorCode.INVALID_STATE, "The sign-in state is missing");
            }
            return store.take(stateKey(state)).flatMap(stored -> {
                LoginState login = stored == null ? null : LoginState.read(stored);
                if (login == null || !login.provider().equals(provider.name())) {
                    throw new BridgeException(ErrorCode.INVALID_STATE, "The sign-in state is unknown, used or expired");
                }
                if (browserId == null || !login.browserHash().equals(Digests.sha256Hex(browserId))) {
                    // Login CSRF (RFC 6749 section 10.12): a callback URL opened in another browser than
                    // the one that started the sign-in must not sign that browser in.
                    throw new BridgeException(ErrorCode.INVALID_STATE, "The sign-in was started in another browser");
                }
                if (error != null) {
                    String reason = PROVIDER_ERRORS.contains(error) ? error : "provider_error";
                    Log.infof("Provider %s returned the error %s", provider.name(), reason);
                    return Uni.createFrom().item(Callback.failed(login.returnTo(), reason));
                }
                if (code == null || code.isEmpty()) {
                    return Uni.createFrom().item(Callback.failed(login.returnTo(), "invalid_request"));
                }
                if (!provider.acceptsIssuer(iss)) {
                    // RFC 9207: a response naming another issuer may come from a provider mix-up attack.
                    Log.infof("Provider %s: the authorization response names another issuer", provider.name());
                    return Uni.createFrom().item(Callback.failed(login.returnTo(), ErrorCode.LOGIN_FAILED.code()));
                }
                return signIn(provider, code, login)
                        .map(sessionId -> new Callback(login.returnTo(), sessionId, null))
                        .onFailure(BridgeException.class).recoverWithItem(failure ->
                                Callback.failed(login.returnTo(), ((BridgeException) failure).code().code()));
            });
        });
    }

    private Uni<String> signIn(LoginProvider provider, String code, LoginState login) {
        App app = app(provider);
        return provider.complete(code, login, callbackUri(provider.name())).flatMap(signIn -> {
            if (signIn.plasmicSession() != null) {
                return sessions.create(new BrowserSession(app.name(), provider.name(), null, signIn.plasmicSession(),
                        null, clock.instant()));
            }
            Identity identity = IdentityMapper.map(provider.config(), signIn.claims());
            return userTokens.ensure(app, identity).flatMap(plasmic -> sessions.create(new BrowserSession(app.name(),
                    provider.name(), identity, plasmic, signIn.idToken(), clock.instant())));
        });
    }

    /** Returns the session for the cookie's id, with a fresh Plasmic token when the current one nears expiry. */
    public Uni<BrowserSession> session(String sessionId) {
        return sessions.find(sessionId, this::refresh);
    }

    /** Ends the session; returns the provider's logout URL when asked for and available, else null. */
    public Uni<URI> logout(String sessionId, boolean providerLogout) {
        return sessions.take(sessionId).flatMap(session -> {
            if (session == null || !providerLogout) {
                return Uni.createFrom().nullItem();
            }
            return providers.find(session.provider())
                    .map(provider -> provider.logoutUrl(session.idToken(), config.defaultReturnTo().orElse(null)))
                    .orElse(Uni.createFrom().nullItem());
        });
    }

    private Uni<BrowserSession> refresh(BrowserSession session) {
        Instant now = clock.instant();
        PlasmicSession plasmic = session.plasmic();
        if (now.plus(config.cache().refreshMargin()).isBefore(plasmic.expiresAt())) {
            return Uni.createFrom().item(session);
        }
        App app = apps.find(session.app()).orElse(null);
        if (session.identity() == null || app == null) {
            // Tokens of Plasmic's hosted login cannot be refreshed: the session lasts as long as its token.
            return Uni.createFrom().item(now.isBefore(plasmic.expiresAt()) ? session : null);
        }
        return userTokens.ensure(app, session.identity()).map(session::withPlasmic);
    }

    private LoginProvider provider(String name) {
        return providers.find(name)
                .orElseThrow(() -> new BridgeException(ErrorCode.UNKNOWN_PROVIDER, "No sign-in provider of this name is configured"));
    }

    private App app(LoginProvider provider) {
        String name = provider.config().app().orElse(null);
        return (name == null ? apps.only() : apps.find(name))
                .orElseThrow(() -> new BridgeException(ErrorCode.UNKNOWN_APP, "The provider's app is unknown"));
    }

    private String returnTarget(String requested) {
        List<String> origins = config.allowedOrigins().orElse(List.of());
        String target = requested == null || requested.isEmpty() ? null : ReturnTo.check(requested, origins).orElse(null);
        if (target == null) {
            target = config.defaultReturnTo().orElseThrow(() -> new BridgeException(ErrorCode.INVALID_RETURN_TO,
                    "return_to must be a relative path or a URL on an allowed origin"));
        }
        // A relative path belongs to the app: it is resolved against the origin of the default target
        // when that is absolute, and otherwise left to the browser, which resolves it on the bridge's origin.
        if (target.startsWith("/")) {
            String appOrigin = config.defaultReturnTo().flatMap(ReturnTo::origin).orElse(null);
            return appOrigin == null ? target : appOrigin + target;
        }
        return target;
    }

    private URI callbackUri(String providerName) {
        String base = config.publicUrl().orElse("");
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/callback/" + providerName);
    }

    /** Adds {@code error=<code>} to the query of the target, before any fragment. */
    static String withError(String target, String code) {
        int hash = target.indexOf('#');
        String beforeFragment = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash);
        return beforeFragment + (beforeFragment.contains("?") ? "&" : "?") + "error=" + code + fragment;
    }

    private static String stateKey(String state) {
        return "login:" + Digests.sha256Hex(state);
    }
}
