package org.plasmicauthbridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users of one app, in creation order. Thread-safe, because test hooks read and delete users. */
final class EndUserStore {

    private final List<EndUser> users = new ArrayList<>();

    /**
     * Finds the oldest user whose identifiers equal every identifier given, or creates one, and
     * replaces its properties. When both identifiers are given and no user has both, Plasmic creates
     * a new user, and so does this method.
     */
    synchronized EndUser upsert(Identity identity, Object properties) {
        for (int i = 0; i < users.size(); i++) {
            EndUser user = users.get(i);
            if (user.matches(identity)) {
                EndUser updated = user.withProperties(properties);
                users.set(i, updated);
                return updated;
            }
        }
        EndUser created = new EndUser(
                UUID.randomUUID().toString(), identity.email(), identity.externalId(), properties);
        users.add(created);
        return created;
    }

    synchronized Optional<EndUser> byId(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** Returns the oldest user that matches the identity, as {@link #upsert} would pick it. */
    synchronized Optional<EndUser> find(Identity identity) {
        return users.stream().filter(user -> user.matches(identity)).findFirst();
    }

    /** Deletes every user that matches the identity and returns how many there were. */
    synchronized int delete(Identity identity) {
        int before = users.size();
        users.removeIf(user -> user.matches(identity));
        return before - users.size();
    }
}
