package org.plasmicauthbridge.api;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.store.StoreUnavailableException;

/**
 * The one place where failures become HTTP responses: problem+json with a stable code, and an auth event
 * for every rejected decision. Exception messages of libraries are never sent or logged, because some
 * of them quote the input.
 */
public class ProblemMapper {

    @Inject
    AuthEvents events;

    @ServerExceptionMapper
    public Response bridge(BridgeException failure, HttpServerRequest request) {
        return answer(request, failure.code(), failure.getMessage(), failure.issuer(), failure.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response store(StoreUnavailableException failure, HttpServerRequest request) {
        Log.warnf("Store unavailable (request %s): %s", RequestIds.of(request), failure.getMessage());
        return answer(request, ErrorCode.STORE_UNAVAILABLE, "The bridge's store is unavailable; retry later", null, 2);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure, HttpServerRequest request) {
        int status = failure.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        // A request to one of the bridge's endpoints that Quarkus REST turned away is a decision too.
        String endpoint = AuthEvents.endpoint(request.path());
        if (!"other".equals(endpoint)) {
            events.failure(endpoint, null, code, RequestIds.of(request));
        }
        if ("plasmic_userinfo".equals(endpoint)) {
            return PlasmicErrors.forCode(code, null);
        }
        return Problems.response(code, code.title(), RequestIds.of(request), null);
    }

    /**
     * A body that could not be read: in practice a chunked body over the size limit, which Vert.x has
     * already rejected with 413. It is the caller's fault, so it is not logged as an error.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException failure, HttpServerRequest request) {
        Log.debugf("Request %s: the body could not be read (%s)", RequestIds.of(request), failure.getClass().getSimpleName());
        return answer(request, ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body could not be read or exceeds the size limit", null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        Log.errorf("Unexpected failure %s in request %s", failure.getClass().getName(), RequestIds.of(request));
        return answer(request, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", null, null);
    }

    private Response answer(HttpServerRequest request, ErrorCode code, String detail, String issuer, Integer retryAfter) {
        String requestId = RequestIds.of(request);
        String endpoint = AuthEvents.endpoint(request.path());
        events.failure(endpoint, issuer, code, requestId);
        if ("plasmic_userinfo".equals(endpoint)) {
            return PlasmicErrors.forCode(code, retryAfter);
        }
        if ("token".equals(endpoint)) {
            return OAuthErrors.forCode(code, detail, retryAfter);
        }
        return Problems.response(code, detail, requestId, retryAfter);
    }
}
