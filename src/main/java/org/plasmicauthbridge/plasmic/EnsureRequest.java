package org.plasmicauthbridge.plasmic;

/**
 * The body of Plasmic's ensure-user call: one identifier and an optional role. The bridge never sends
 * {@code properties}, because Plasmic replaces them on every call.
 */
public record EnsureRequest(String email, String externalId, String roleId) {

    @Override
    public String toString() {
        return "EnsureRequest[email=" + (email == null ? "absent" : "present") + ", externalId="
                + (externalId == null ? "absent" : "present") + ", roleId=" + roleId + "]";
    }
}
