package dev.sfmcp.emulator.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every grant, access token and refresh token the emulator issued, so that revocation (one token, a family, all of a
 * user's: single logout) and expiry are server-side facts, as in a real org. Expired records are swept lazily.
 */
public final class TokenStore {

    private final Clock clock;
    private final Map<String, AccessToken> accessByHandle = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> opaqueByValue = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshByValue = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Grant>> grantsByUser = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger sinceSweep = new java.util.concurrent.atomic.AtomicInteger();

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    /** Records a new grant (one completed authorization). */
    public Grant newGrant(String orgId, String userId, String username, String clientId, List<String> scopes, LoginHost host) {
        Grant grant = new Grant(RandomTokens.handle(), orgId, userId, username, clientId,
                List.copyOf(new LinkedHashSet<>(scopes)), host,
                clock.instant(), new Grant.Revocation());
        grantsByUser.computeIfAbsent(userId, k -> new ConcurrentLinkedQueue<>()).add(grant);
        return grant;
    }

    public void putAccess(AccessToken token, String opaqueValue) {
        if (sinceSweep.incrementAndGet() >= 10_000) {
            // a long-running emulator must not keep every token it ever issued; a day's grace keeps recent ones visible
            sinceSweep.set(0);
            sweepExpired(clock.instant().minus(java.time.Duration.ofDays(1)));
        }
        accessByHandle.put(token.handle(), token);
        if (opaqueValue != null) {
            opaqueByValue.put(opaqueValue, token);
        }
    }

    public Optional<AccessToken> accessByHandle(String handle) {
        return handle == null ? Optional.empty() : Optional.ofNullable(accessByHandle.get(handle));
    }

    public Optional<AccessToken> accessByOpaqueValue(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(opaqueByValue.get(value));
    }

    public void putRefresh(RefreshToken token) {
        refreshByValue.put(token.value(), token);
    }

    public Optional<RefreshToken> refresh(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(refreshByValue.get(value));
    }

    /** Single logout: revokes every grant of a user, so every token of theirs stops working at once. */
    public int revokeAllOf(String userId) {
        ConcurrentLinkedQueue<Grant> grants = grantsByUser.get(userId);
        if (grants == null) {
            return 0;
        }
        int n = 0;
        for (Grant grant : grants) {
            if (!grant.isRevoked()) {
                grant.revocation().revoke();
                n++;
            }
        }
        return n;
    }

    /** Grants of a user that are still in force (for the admin API). */
    public List<Grant> liveGrantsOf(String userId) {
        ConcurrentLinkedQueue<Grant> grants = grantsByUser.get(userId);
        return grants == null ? List.of() : grants.stream().filter(g -> !g.isRevoked()).toList();
    }

    /** Drops access-token records that expired before {@code before}; refresh tokens outlive them. */
    public void sweepExpired(Instant before) {
        accessByHandle.values().removeIf(t -> t.expiresAt().isBefore(before));
        opaqueByValue.values().removeIf(t -> t.expiresAt().isBefore(before));
    }
}
