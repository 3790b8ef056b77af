package org.plasmicauthbridge.identity;

import java.util.List;
import java.util.Map;

/** Reads claims from a verified claim set by name or by dotted path into nested objects. */
public final class Claims {

    private Claims() {
    }

    /**
     * Returns the claim named {@code path}, or, when no claim has that exact name, the value reached by
     * following the dot-separated names into nested objects ({@code realm_access.roles}). The exact name
     * comes first because namespaced claims such as {@code https://example.com/roles} contain dots.
     */
    public static Object find(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String name : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
        }
        return current;
    }

    /** Returns the claim's string values: a string gives one value, an array its string elements. */
    public static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
