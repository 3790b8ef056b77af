package org.plasmicauthbridge.api;

import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;
import org.plasmicauthbridge.store.StoreUnavailableException;

/** A plain HTML page for sign-in failures that cannot be sent back to the app: no stack trace, no input echoed. */
final class ErrorPages {

    private ErrorPages() {
    }

    static Response of(ErrorCode code, String requestId) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in failed</title></head>"
                + "<body><h1>Sign-in failed</h1><p>" + message(code) + "</p><p>Error code: <code>" + code.code()
                + "</code>. Request id: <code>" + requestId + "</code>.</p></body></html>";
        return Response.status(code.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'")
                .entity(page)
                .build();
    }

    /** The code of a failure: the bridge's own, the store's, or an unexpected error, which is logged. */
    static ErrorCode codeOf(Throwable failure) {
        if (failure instanceof BridgeException bridge) {
            return bridge.code();
        }
        if (failure instanceof StoreUnavailableException) {
            return ErrorCode.STORE_UNAVAILABLE;
        }
        Log.errorf("Unexpected failure %s in a sign-in callback", failure.getClass().getName());
        return ErrorCode.INTERNAL_ERROR;
    }

    private static String message(ErrorCode code) {
        return switch (code) {
            case INVALID_STATE -> "This sign-in has expired, was already completed, or was opened in another browser than the one that started it. Start the sign-in again.";
            case UNKNOWN_PROVIDER -> "This sign-in provider is not configured.";
            case UPSTREAM_UNAVAILABLE, STORE_UNAVAILABLE -> "The sign-in service is unavailable. Try again in a moment.";
            default -> "The sign-in could not be completed. Start the sign-in again.";
        };
    }
}
