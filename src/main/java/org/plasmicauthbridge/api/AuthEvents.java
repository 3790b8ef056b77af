package org.plasmicauthbridge.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.observability.BridgeMetrics;

/**
 * One auth event per decision, in the log category {@code org.plasmicauthbridge.auth}: outcome,
 * endpoint, issuer (or sign-in provider), reason code and request id. Never a token, claim, secret or
 * identifier.
 */
@ApplicationScoped
public class AuthEvents {

    private static final Logger LOG = Logger.getLogger("org.plasmicauthbridge.auth");

    @Inject
    BridgeMetrics metrics;

    void success(String endpoint, String issuer, String requestId) {
        metrics.decision(endpoint, "ok");
        log("success", endpoint, issuer, "ok", requestId);
    }

    void failure(String endpoint, String issuer, ErrorCode code, String requestId) {
        failure(endpoint, issuer, code.code(), code.status() >= 500, requestId);
    }

    /** Records a rejection whose reason is a code from outside the bridge, such as a provider's error. */
    void failure(String endpoint, String issuer, String code, String requestId) {
        failure(endpoint, issuer, code, false, requestId);
    }

    private void failure(String endpoint, String issuer, String code, boolean ourFault, String requestId) {
        metrics.decision(endpoint, code);
        log(ourFault ? "error" : "rejected", endpoint, issuer, code, requestId);
    }

    // Concatenation rather than infof: java.util.Formatter was a measurable part of the CPU time of
    // a cached verify, and this line is written for every decision.
    private static void log(String outcome, String endpoint, String issuer, String code, String requestId) {
        if (LOG.isInfoEnabled()) {
            LOG.info("auth_event outcome=" + outcome + " endpoint=" + endpoint + " issuer=" + orDash(issuer)
                    + " code=" + code + " request_id=" + requestId);
        }
    }

    /** Names the endpoint of a request path for logs and metric tags. */
    static String endpoint(String path) {
        if (path == null) {
            return "other";
        }
        if (path.startsWith("/v1/login/")) {
            return "login";
        }
        if (path.startsWith("/v1/callback/")) {
            return "callback";
        }
        return switch (path) {
            case "/v1/assertions" -> "assertions";
            case "/v1/token" -> "token";
            case "/v1/verify" -> "verify";
            case "/v1/userinfo" -> "userinfo";
            case "/api/v1/app-auth/userinfo" -> "plasmic_userinfo";
            case "/v1/session" -> "session";
            case "/v1/logout" -> "logout";
            default -> "other";
        };
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
