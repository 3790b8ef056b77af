package org.plasmicauthbridge.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Picks the redirect URI of an authorize request the way Plasmic does. A {@code redirect_uri}
 * must be https (or http on a host containing {@code localhost}) and either equal a registered
 * redirect URI or start with {@code https://} and a Plasmic-hosted domain of the project. Without a
 * {@code redirect_uri}, the browser goes to a hosted domain: the one named by {@code origin_host},
 * else the first, at the path that the {@code continueTo} member of a JSON {@code state} names.
 */
final class RedirectUriPolicy {

    private RedirectUriPolicy() {
    }

    /** Returns the redirect URI to use, or empty when the request's redirect URI is invalid. */
    static Optional<String> resolve(
            EmulatedApp app, String redirectUri, boolean redirectUriRepeated, String state, String originHost) {
        if (redirectUriRepeated) {
            return Optional.empty();
        }
        if (redirectUri != null && !redirectUri.isEmpty()) {
            return checkGiven(app, redirectUri);
        }
        if (app.hostedDomains().isEmpty()) {
            return Optional.empty();
        }
        String domain = app.hostedDomains().stream()
                .filter(hosted -> hosted.equals(originHost))
                .findFirst()
                .orElse(app.hostedDomains().get(0));
        return Optional.of(fromDomain(domain, state));
    }

    private static Optional<String> checkGiven(EmulatedApp app, String redirectUri) {
        if (!hasAllowedScheme(redirectUri)) {
            return Optional.empty();
        }
        if (app.redirectUris().contains(redirectUri)) {
            return Optional.of(redirectUri);
        }
        // NOTE: Plasmic checks hosted domains with a plain prefix test, which this keeps on purpose.
        boolean onHostedDomain = app.hostedDomains().stream()
                .anyMatch(domain -> redirectUri.startsWith("https://" + domain));
        return onHostedDomain ? Optional.of(redirectUri) : Optional.empty();
    }

    /** Builds the URI on a hosted domain, honouring a {@code continueTo} on the same origin. */
    private static String fromDomain(String domain, String state) {
        String base = (domain.contains("localhost") ? "http" : "https") + "://" + domain;
        String fallback = base + "/";
        String continueTo = continueToOf(state);
        if (continueTo == null) {
            return fallback;
        }
        try {
            if (hasAllowedScheme(continueTo)) {
                return base.equals(originOf(new URI(continueTo))) ? continueTo : fallback;
            }
            String resolved = new URI(fallback).resolve(continueTo).toString();
            return hasAllowedScheme(resolved) ? resolved : fallback;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String continueToOf(String state) {
        if (state == null) {
            return null;
        }
        try {
            Object parsed = new JsonObject(state).getValue("continueTo");
            return parsed instanceof String text ? text : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** Accepts https, and http only when the host and port contain {@code localhost}. */
    static boolean hasAllowedScheme(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if ("http".equalsIgnoreCase(scheme)) {
                String host = parsed.getHost();
                String hostAndPort = parsed.getPort() == -1 ? host : host + ":" + parsed.getPort();
                return host != null && hostAndPort.contains("localhost");
            }
            return "https".equalsIgnoreCase(scheme);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String originOf(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return uri.getScheme().toLowerCase() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
