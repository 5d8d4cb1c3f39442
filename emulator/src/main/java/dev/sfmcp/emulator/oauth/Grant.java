package dev.sfmcp.emulator.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One authorization: what a user approved for one app through one login, and the family of refresh and access
 * tokens that descend from it. Revoking the grant revokes the whole family (reuse of a rotated refresh token, revoke
 * of the refresh token, single logout).
 *
 * @param id        server-side handle
 * @param orgId     18-character org Id
 * @param userId    18-character user Id
 * @param username  the user's login name
 * @param clientId  the app's consumer key
 * @param scopes    granted scopes
 * @param loginHost the login host the user logged in through (it names the identity URL)
 * @param createdAt when the user authorized
 */
public record Grant(String id, String orgId, String userId, String username, String clientId, List<String> scopes,
                   LoginHost loginHost, Instant createdAt, Revocation revocation) {

    /** The scopes as a set, for membership tests. */
    public Set<String> scopeSet() {
        return Set.copyOf(scopes);
    }

    public boolean isRevoked() {
        return revocation.isRevoked();
    }

    /** A one-way revoked flag shared by everything that descends from a grant. */
    public static final class Revocation {
        private volatile boolean revoked;

        public boolean isRevoked() {
            return revoked;
        }

        public void revoke() {
            revoked = true;
        }
    }
}
