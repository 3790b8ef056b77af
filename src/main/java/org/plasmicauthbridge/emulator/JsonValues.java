package org.plasmicauthbridge.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Helpers for JSON values of unknown type, as request bodies carry them. */
final class JsonValues {

    private JsonValues() {
    }

    /** Returns a deep copy of a JSON container; strings, numbers and booleans are immutable already. */
    static Object copy(Object value) {
        if (value instanceof JsonObject object) {
            return object.copy();
        }
        if (value instanceof JsonArray array) {
            return array.copy();
        }
        return value;
    }

    /** Returns the value when it is a non-empty string, as Plasmic's {@code x && isString(x)} accepts. */
    static String nonEmptyString(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    /** Tells whether a JSON value is falsy in JavaScript: absent, null, false, 0 or "". */
    static boolean isFalsy(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Number number && number.doubleValue() == 0)
                || "".equals(value);
    }
}
