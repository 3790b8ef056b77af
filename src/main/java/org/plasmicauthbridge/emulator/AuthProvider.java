package org.plasmicauthbridge.emulator;

/** The auth provider an app uses in Plasmic's auth settings. */
public enum AuthProvider {
    /** A trusted server creates users with the app secret ({@code POST /api/v1/app-auth/user}). */
    CUSTOM_AUTH,
    /** Plasmic's hosted login: the authorization code flow with {@code /code} and {@code /token}. */
    PLASMIC_AUTH
}
