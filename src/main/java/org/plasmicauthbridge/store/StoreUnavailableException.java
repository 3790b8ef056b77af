package org.plasmicauthbridge.store;

/** The backing store could not be reached or failed a command. The message never holds a key or value. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
