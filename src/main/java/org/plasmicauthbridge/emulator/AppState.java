package org.plasmicauthbridge.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The run-time state of one emulated app: its settings, access rules and users. */
final class AppState {

    private final EmulatedApp app;
    private final AccessRules rules;
    private final EndUserStore users = new EndUserStore();

    AppState(EmulatedApp app) {
        this.app = app;
        this.rules = new AccessRules(app);
    }

    EmulatedApp app() {
        return app;
    }

    AccessRules rules() {
        return rules;
    }

    EndUserStore users() {
        return users;
    }

    /** Builds the user JSON of Plasmic's userinfo, or empty when no role applies to the user. */
    Optional<JsonObject> userJson(EndUser user) {
        return rules.roleFor(user.email(), user.externalId()).map(role -> userJson(user, role));
    }

    /** Builds the user JSON with the fields in the order that Plasmic sends them. */
    private JsonObject userJson(EndUser user, AppRole role) {
        List<AppRole> heldRoles = app.roles().stream()
                .filter(candidate -> candidate.order() <= role.order())
                .sorted(Comparator.comparingInt(AppRole::order).reversed())
                .toList();
        JsonArray roleIds = new JsonArray();
        JsonArray roleNames = new JsonArray();
        heldRoles.forEach(held -> {
            roleIds.add(held.id());
            roleNames.add(held.name());
        });
        return new JsonObject()
                .put("email", user.email())
                .put("externalId", user.externalId())
                .put("roleId", role.id())
                .put("roleName", role.name())
                .put("roleOrder", role.order())
                .put("roleIds", roleIds)
                .put("roleNames", roleNames)
                .put("properties", JsonValues.copy(user.properties()))
                .put("customProperties", new JsonObject())
                .put("isLoggedIn", true);
    }
}
