package org.plasmicauthbridge.error;

/**
 * A failure with a stable {@link ErrorCode} and a detail that is safe to show to the caller: it never
 * holds a token, an assertion, a claim value, a secret or a session id. Stack traces are not filled
 * in, because these failures are expected outcomes, not bugs.
 */
public class BridgeException extends RuntimeException {

    private final ErrorCode code;
    private final Integer retryAfterSeconds;
    private final String issuer;

    public BridgeException(ErrorCode code, String safeDetail) {
        this(code, safeDetail, null);
    }

    public BridgeException(ErrorCode code, String safeDetail, Integer retryAfterSeconds) {
        this(code, safeDetail, retryAfterSeconds, null);
    }

    private BridgeException(ErrorCode code, String safeDetail, Integer retryAfterSeconds, String issuer) {
        super(safeDetail, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.issuer = issuer;
    }

    /** Returns this failure tagged with the name of the configured issuer it concerns, for the auth log. */
    public BridgeException forIssuer(String issuerName) {
        return issuer != null ? this : new BridgeException(code, getMessage(), retryAfterSeconds, issuerName);
    }

    /** The configured issuer's name, or null when the failure came before an issuer was selected. */
    public String issuer() {
        return issuer;
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds a client should wait before retrying, or null when the failure is not transient. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
