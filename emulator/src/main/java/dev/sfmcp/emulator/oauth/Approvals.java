package dev.sfmcp.emulator.oauth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which users have approved which apps on the "Allow Access?" page of a self-authorized app; an approved user is not
 * asked again.
 */
public final class Approvals {

    private final Set<String> approved = ConcurrentHashMap.newKeySet();

    public boolean has(String userId, String clientId) {
        return approved.contains(userId + "/" + clientId);
    }

    public void record(String userId, String clientId) {
        approved.add(userId + "/" + clientId);
    }

    /** Forgets a user's approvals (revoking their access in Setup › Connected Apps OAuth Usage). */
    public void forget(String userId) {
        approved.removeIf(k -> k.startsWith(userId + "/"));
    }
}
