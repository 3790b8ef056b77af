package org.plasmicauthbridge.exchange;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.plasmicauthbridge.assertion.AssertionVerifier;
import org.plasmicauthbridge.assertion.VerifiedAssertion;
import org.plasmicauthbridge.config.AppRegistry;
import org.plasmicauthbridge.config.AppRegistry.App;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.identity.Identity;
import org.plasmicauthbridge.identity.IdentityMapper;

/**
 * The assertion exchange: verify the assertion, map its claims to a Plasmic identity, mark its
 * {@code jti} used, then ensure the Plasmic user. Every check runs before anything is written, so a
 * rejected assertion changes nothing.
 */
@ApplicationScoped
public class AssertionExchange {

    @Inject
    AssertionVerifier verifier;

    @Inject
    AppRegistry apps;

    @Inject
    ReplayGuard replayGuard;

    @Inject
    UserTokenService userTokens;

    /**
     * Exchanges the assertion. {@code requestedApp} may be null; when given it must name a configured
     * app, and the issuer's own app when the issuer is bound to one.
     */
    public Uni<ExchangeResult> exchange(String assertion, String requestedApp) {
        return verifier.verify(assertion).flatMap(verified -> Uni.createFrom().deferred(() -> {
            App app = selectApp(verified, requestedApp);
            Identity identity = IdentityMapper.map(verified.issuer().config(), verified.claims());
            return replayGuard.markUsed(verified)
                    .flatMap(marked -> ensure(verified, app, identity))
                    .map(session -> new ExchangeResult(session, app.name(), verified.issuer().name()));
        }).onFailure(BridgeException.class)
                .transform(failure -> ((BridgeException) failure).forIssuer(verified.issuer().name())));
    }

    private Uni<org.plasmicauthbridge.plasmic.PlasmicSession> ensure(VerifiedAssertion verified, App app, Identity identity) {
        return userTokens.ensure(app, identity).onFailure(BridgeException.class).call(failure -> {
            ErrorCode code = ((BridgeException) failure).code();
            boolean transientFailure = code == ErrorCode.UPSTREAM_UNAVAILABLE || code == ErrorCode.STORE_UNAVAILABLE;
            return transientFailure ? replayGuard.release(verified).onFailure().recoverWithNull() : Uni.createFrom().voidItem();
        });
    }

    private App selectApp(VerifiedAssertion verified, String requestedApp) {
        String bound = verified.issuer().app();
        if (requestedApp != null) {
            App app = apps.find(requestedApp)
                    .orElseThrow(() -> new BridgeException(ErrorCode.UNKNOWN_APP, "No app of this name is configured"));
            if (bound != null && !bound.equals(app.name())) {
                throw new BridgeException(ErrorCode.UNKNOWN_APP, "The issuer of this assertion is bound to another app");
            }
            return app;
        }
        if (bound == null) {
            throw new BridgeException(ErrorCode.UNKNOWN_APP,
                    "Several apps are configured and the issuer names none: send the app member");
        }
        return apps.find(bound).orElseThrow(() -> new BridgeException(ErrorCode.UNKNOWN_APP, "The issuer's app is unknown"));
    }
}
