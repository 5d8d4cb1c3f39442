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
        return grants == null ? 0 : revokeWhere(List.of(grants), g -> true);
    }

    /**
     * The live tokens of an org (not expired, not revoked, not rotated out), newest first, as Setup's OAuth Usage page
     * lists them.
     *
     * @param clientId only this app's tokens, or null for all
     * @param user     only this user's (username, case-insensitive, or 18-character Id), or null for all
     */
    public List<IssuedToken> tokens(String orgId, String clientId, String user) {
        Instant now = clock.instant();
        List<IssuedToken> out = new java.util.ArrayList<>();
        for (AccessToken t : accessByHandle.values()) {
            if (t.isValidAt(now) && matches(t.grant(), orgId, clientId, user)) {
                out.add(new IssuedToken(IssuedToken.ACCESS_PREFIX + t.handle(), IssuedToken.Kind.ACCESS, t.grant().orgId(),
                        t.grant().clientId(), t.grant().userId(), t.grant().username(), t.grant().scopes(), t.issuedAt(),
                        t.expiresAt(), t.use().last(), t.grant().id()));
            }
        }
        for (RefreshToken r : refreshByValue.values()) {
            if (!r.isRotatedOut() && !r.grant().isRevoked() && matches(r.grant(), orgId, clientId, user)) {
                out.add(new IssuedToken(IssuedToken.REFRESH_PREFIX + r.id(), IssuedToken.Kind.REFRESH, r.grant().orgId(),
                        r.grant().clientId(), r.grant().userId(), r.grant().username(), r.grant().scopes(), r.issuedAt(),
                        null, r.lastUsedAt(), r.grant().id()));
            }
        }
        out.sort(java.util.Comparator.comparing(IssuedToken::issuedAt).reversed().thenComparing(IssuedToken::id));
        return out;
    }

    /**
     * Revokes one token of an org by its {@link IssuedToken#id()}: an access token alone, or a refresh token with every
     * token of its grant (as Salesforce revokes a refresh token's access tokens with it).
     *
     * @return whether a live token of that org had this id
     */
    public boolean revoke(String orgId, String tokenId) {
        if (tokenId == null) {
            return false;
        }
        Instant now = clock.instant();
        if (tokenId.startsWith(IssuedToken.ACCESS_PREFIX)) {
            AccessToken t = accessByHandle.get(tokenId.substring(IssuedToken.ACCESS_PREFIX.length()));
            if (t == null || !t.grant().orgId().equals(orgId) || !t.isValidAt(now)) {
                return false;
            }
            t.revocation().revoke();
            return true;
        }
        if (tokenId.startsWith(IssuedToken.REFRESH_PREFIX)) {
            String id = tokenId.substring(IssuedToken.REFRESH_PREFIX.length());
            for (RefreshToken r : refreshByValue.values()) {
                if (r.id().equals(id) && r.grant().orgId().equals(orgId) && !r.isRotatedOut() && !r.grant().isRevoked()) {
                    r.grant().revocation().revoke();
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Revokes every grant of an org's app, of a user, or of a user for one app (Setup's "Revoke" on an app in OAuth
     * Usage, or on a user's OAuth Connected Apps list); at least one of {@code clientId} and {@code user} must be given.
     *
     * @return how many grants were revoked
     */
    public int revokeAll(String orgId, String clientId, String user) {
        if (clientId == null && user == null) {
            throw new IllegalArgumentException("name an app or a user whose tokens to revoke");
        }
        return revokeWhere(grantsByUser.values(), g -> matches(g, orgId, clientId, user));
    }

    /** Revokes every grant of an org (the org is being deleted: a re-loaded org must not accept its old tokens). */
    public int revokeOrg(String orgId) {
        return revokeWhere(grantsByUser.values(), g -> g.orgId().equals(orgId));
    }

    /** Revokes the grants in force that {@code which} selects; answers how many. */
    private static int revokeWhere(java.util.Collection<ConcurrentLinkedQueue<Grant>> grantLists, java.util.function.Predicate<Grant> which) {
        int n = 0;
        for (ConcurrentLinkedQueue<Grant> grants : grantLists) {
            for (Grant g : grants) {
                if (!g.isRevoked() && which.test(g)) {
                    g.revocation().revoke();
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean matches(Grant g, String orgId, String clientId, String user) {
        return (orgId == null || orgId.equals(g.orgId())) && (clientId == null || clientId.equals(g.clientId()))
                && (user == null || user.equalsIgnoreCase(g.username()) || user.equals(g.userId()));
    }

    /** Drops access-token records that expired before {@code before}; refresh tokens outlive them. */
    public void sweepExpired(Instant before) {
        accessByHandle.values().removeIf(t -> t.expiresAt().isBefore(before));
        opaqueByValue.values().removeIf(t -> t.expiresAt().isBefore(before));
    }
}
