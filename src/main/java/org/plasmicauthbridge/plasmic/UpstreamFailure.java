package org.plasmicauthbridge.plasmic;

/**
 * A transient failure of a call to Plasmic: a timeout, a refused connection, a 5xx or 429 response, or a
 * body that is not Plasmic's JSON. Retries and the circuit breaker count only these.
 */
final class UpstreamFailure extends RuntimeException {

    UpstreamFailure(String reason) {
        super(reason, null, false, false);
    }
}
