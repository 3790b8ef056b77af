package org.plasmicauthbridge.identity;

import org.plasmicauthbridge.config.BridgeConfig.IdentityKind;

/**
 * The Plasmic identity a verified sign-in maps to: one identifier of the given kind, and the Plasmic
 * role id to request, or null to leave the role to Plasmic's access rules.
 */
public record Identity(IdentityKind kind, String value, String roleId) {

    public String email() {
        return kind == IdentityKind.EMAIL ? value : null;
    }

    public String externalId() {
        return kind == IdentityKind.EXTERNAL_ID ? value : null;
    }

    @Override
    public String toString() {
        return "Identity[kind=" + kind + ", value=" + (value == null ? "absent" : "present") + ", roleId=" + roleId + "]";
    }
}
