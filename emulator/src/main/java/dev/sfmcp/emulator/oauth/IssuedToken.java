package dev.sfmcp.emulator.oauth;

import java.time.Instant;
import java.util.List;

/**
 * One line of Setup's OAuth Usage: a live access or refresh token, named by an id (never its value), with the app and
 * user it was issued to.
 *
 * @param id        {@code at-…} for an access token, {@code rt-…} for a refresh token; what revocation takes
 * @param kind      {@link Kind#ACCESS} or {@link Kind#REFRESH}
 * @param clientId  the External Client App's consumer key
 * @param expiresAt when an access token expires; null for a refresh token (its app's refresh token policy decides)
 * @param lastUsedAt when it was last presented (the issue time if never)
 */
public record IssuedToken(String id, Kind kind, String orgId, String clientId, String userId, String username,
                          List<String> scopes, Instant issuedAt, Instant expiresAt, Instant lastUsedAt, String grantId) {

    /** Access or refresh token. */
    public enum Kind { ACCESS, REFRESH }

    /** The id prefix of access tokens. */
    public static final String ACCESS_PREFIX = "at-";
    /** The id prefix of refresh tokens. */
    public static final String REFRESH_PREFIX = "rt-";

    public IssuedToken {
        scopes = List.copyOf(scopes);
    }
}
