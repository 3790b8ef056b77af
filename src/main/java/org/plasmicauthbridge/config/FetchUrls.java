package org.plasmicauthbridge.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Rules for URLs the bridge fetches (JWKS, Plasmic, discovery): https, except on loopback addresses,
 * which serve tests and sidecars.
 */
public final class FetchUrls {

    private FetchUrls() {
    }

    /** Returns a problem description, or null when the URL may be fetched. */
    public static String problem(String key, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return key + ": not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return key + ": must be an absolute http(s) URL with a host";
        }
        if (uri.getUserInfo() != null) {
            return key + ": must not contain user information";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return key + ": must use https (plain http is only allowed on loopback addresses)";
        }
        return null;
    }

    /** Whether the host is {@code localhost} or a literal loopback address (127.0.0.0/8, ::1). */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: never resolved here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
