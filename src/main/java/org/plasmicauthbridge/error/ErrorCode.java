package org.plasmicauthbridge.error;

/**
 * The stable error codes of the bridge's API, with the HTTP status of the response that carries it.
 * Clients branch on {@link #code()}; the codes are part of the published contract.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "Invalid request"),
    UNKNOWN_APP(400, "Unknown app"),
    INVALID_RETURN_TO(400, "Invalid return_to"),
    INVALID_STATE(400, "Invalid state"),
    INVALID_GRANT(400, "Invalid grant"),
    CODE_EXPIRED(400, "Code expired"),
    CODE_REUSED(400, "Code reused"),
    NOT_FOUND(404, "Not found"),
    UNKNOWN_PROVIDER(404, "Unknown provider"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    INVALID_ASSERTION(401, "Invalid assertion"),
    ASSERTION_EXPIRED(401, "Assertion expired"),
    ASSERTION_NOT_YET_VALID(401, "Assertion not yet valid"),
    UNTRUSTED_ISSUER(401, "Untrusted issuer"),
    AUDIENCE_MISMATCH(401, "Audience mismatch"),
    SIGNATURE_INVALID(401, "Signature invalid"),
    ALGORITHM_NOT_ALLOWED(401, "Algorithm not allowed"),
    ASSERTION_REUSED(401, "Assertion reused"),
    ASSERTION_LIFETIME_TOO_LONG(401, "Assertion lifetime too long"),
    INVALID_TOKEN(401, "Invalid token"),
    LOGIN_FAILED(401, "Login failed"),
    EMAIL_NOT_VERIFIED(403, "E-mail not verified"),
    IDENTITY_MISSING(403, "Identity missing"),
    IDENTITY_INVALID(403, "Identity invalid"),
    EMAIL_INVALID(403, "E-mail invalid"),
    DOMAIN_NOT_ALLOWED(403, "Domain not allowed"),
    UNAUTHORIZED_USER(403, "Unauthorized user"),
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
    RATE_LIMITED(429, "Rate limited"),
    INTERNAL_ERROR(500, "Internal error"),
    UPSTREAM_MISCONFIGURED(502, "Upstream misconfigured"),
    UPSTREAM_UNAVAILABLE(503, "Upstream unavailable"),
    STORE_UNAVAILABLE(503, "Store unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The snake_case code sent to clients. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Whether the code is one of the narrower reasons of an invalid assertion (all sent with status 401). */
    public boolean isAssertionRejection() {
        return status == 401 && this != INVALID_TOKEN && this != LOGIN_FAILED;
    }
}
