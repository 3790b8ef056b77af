package org.plasmicauthbridge.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks where a browser may be sent after sign-in, so that the bridge is never an open redirect. A
 * target is accepted only as a relative path on this site or as an absolute URL whose scheme, host and
 * port exactly equal an allowed origin. Anything a browser could read as another host is rejected:
 * scheme-relative {@code //host}, backslashes, control characters or whitespace (raw or percent-encoded),
 * encoded slashes that decode to {@code //}, user information ({@code https://app@evil}) and any scheme
 * other than http and https.
 */
public final class ReturnTo {

    private ReturnTo() {
    }

    /** Returns the target when it is safe, empty otherwise. */
    public static Optional<String> check(String target, List<String> allowedOrigins) {
        if (target == null || target.isEmpty() || target.length() > 2048 || hasUnsafeCharacters(target)) {
            return Optional.empty();
        }
        String decoded = decode(target);
        if (decoded == null || hasUnsafeCharacters(decoded)) {
            return Optional.empty();
        }
        if (target.startsWith("/")) {
            return isSafeRelative(target, decoded) ? Optional.of(target) : Optional.empty();
        }
        return origin(target).filter(origin -> allowedOrigins.stream()
                .map(ReturnTo::normaliseOrigin).anyMatch(origin::equals)).map(origin -> target);
    }

    private static boolean isSafeRelative(String target, String decoded) {
        if (target.startsWith("//") || decoded.startsWith("//")) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Returns {@code scheme://host:port} of an absolute http(s) URL without user information. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawUserInfo() != null
                    || uri.getHost() == null || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Returns the origin in the form {@link #origin} gives, or the input when it is not an origin. */
    public static String normaliseOrigin(String origin) {
        String trimmed = origin.strip();
        String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return origin(withoutSlash).orElse(withoutSlash);
    }

    /** Whether the text is an origin: scheme, host and optional port, with no path, query or fragment. */
    public static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text.strip());
            return origin(text.strip()).isPresent() && (uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/")) && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasUnsafeCharacters(String text) {
        return text.chars().anyMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
