package org.plasmicauthbridge.emulator;

import java.util.Objects;

/**
 * A role of an emulated Plasmic app. When several roles apply to a user, the one with the highest
 * {@code order} wins, as in Plasmic.
 *
 * @param id the role id that ensure-user calls and access rules refer to
 * @param name the display name returned as {@code roleName}
 * @param order the rank; Anonymous has 0
 */
public record AppRole(String id, String name, int order) {

    /** Role ids of the three roles that Plasmic creates when auth is enabled. */
    public static final String ANONYMOUS = "anonymous";
    public static final String NORMAL_USER = "normal-user";
    public static final String ADMIN = "admin";

    public AppRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A role id must not be blank");
        }
    }
}
