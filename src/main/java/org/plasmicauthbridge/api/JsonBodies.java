package org.plasmicauthbridge.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plasmicauthbridge.error.BridgeException;
import org.plasmicauthbridge.error.ErrorCode;

/** Reads request bodies that must be one JSON object of string members. */
final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private JsonBodies() {
    }

    static ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw new BridgeException(ErrorCode.INVALID_REQUEST, "The request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new BridgeException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BridgeException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Returns the member as a string, null when absent, or rejects a member of another type. */
    static String optionalString(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BridgeException(ErrorCode.INVALID_REQUEST, "The member " + member + " must be a string");
        }
        return value.asText();
    }
}
