package org.plasmicauthbridge.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access rules of one app and the role they give a user. Rules from the settings and those that
 * ensure-user calls store live side by side; a stored rule replaces an earlier one for the same
 * identifier. Thread-safe, because test hooks change rules while the server runs.
 */
final class AccessRules {

    private final EmulatedApp app;
    private final Map<String, String> emailRules;
    private final Map<String, String> domainRules;
    private final Map<String, String> externalIdRules;

    AccessRules(EmulatedApp app) {
        this.app = app;
        this.emailRules = new HashMap<>(app.emailRules());
        this.domainRules = new HashMap<>(app.domainRules());
        this.externalIdRules = new HashMap<>(app.externalIdRules());
    }

    /**
     * Stores a lasting rule for the user's e-mail address, or for the external id when the call gave
     * no e-mail address, as Plasmic does for the {@code roleId} of an ensure-user call.
     */
    synchronized void grant(String email, String externalId, String roleId) {
        if (email != null) {
            emailRules.put(email, roleId);
        } else {
            externalIdRules.put(externalId, roleId);
        }
    }

    /** Removes the e-mail and external id rules of this identity; domain rules stay. */
    synchronized void revoke(Identity identity) {
        if (identity.email() != null) {
            emailRules.remove(identity.email());
        }
        if (identity.externalId() != null) {
            externalIdRules.remove(identity.externalId());
        }
    }

    /**
     * Returns the role of highest order among the general-access role and the domain, e-mail and
     * external id rules that match, or empty when none applies. E-mails and domains compare exactly,
     * so {@code Ann@x.com} does not match a rule for {@code ann@x.com}.
     */
    synchronized Optional<AppRole> roleFor(String email, String externalId) {
        List<String> candidates = new ArrayList<>();
        app.generalAccessRoleId().ifPresent(candidates::add);
        if (email != null) {
            domainOf(email).map(domainRules::get).ifPresent(candidates::add);
            addIfPresent(candidates, emailRules.get(email));
        }
        if (externalId != null) {
            addIfPresent(candidates, externalIdRules.get(externalId));
        }
        AppRole highest = null;
        for (String roleId : candidates) {
            AppRole role = app.role(roleId).orElseThrow();
            // On equal orders the earlier candidate stays, as in Plasmic's reduce over its matches.
            if (highest == null || highest.order() < role.order()) {
                highest = role;
            }
        }
        return Optional.ofNullable(highest);
    }

    /** Returns the text between the first {@code @} and the next one, as Plasmic's split does. */
    private static Optional<String> domainOf(String email) {
        String[] parts = email.split("@", -1);
        return parts.length < 2 ? Optional.empty() : Optional.of(parts[1]);
    }

    private static void addIfPresent(List<String> candidates, String roleId) {
        if (roleId != null) {
            candidates.add(roleId);
        }
    }
}
