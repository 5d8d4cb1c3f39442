package dev.sfmcp.emulator.oauth;

import java.time.Instant;

/**
 * The server-side record of one issued access token: the JWT's {@code sfi} (or the opaque token itself) points here,
 * so that revocation and expiry are decided by the server, as Salesforce tracks its sessions.
 *
 * @param handle    the record's id ({@code sfi} claim of a JWT)
 * @param grant     the authorization it descends from
 * @param jwt       whether it was issued as a JWT (false: opaque {@code 00D...!...})
 * @param issuedAt  when it was issued
 * @param expiresAt when it expires
 * @param use       when it was last presented (OAuth Usage)
 */
public record AccessToken(String handle, Grant grant, boolean jwt, Instant issuedAt, Instant expiresAt,
                          Grant.Revocation revocation, TokenUse use) {

    /** A token not used yet. */
    public AccessToken(String handle, Grant grant, boolean jwt, Instant issuedAt, Instant expiresAt, Grant.Revocation revocation) {
        this(handle, grant, jwt, issuedAt, expiresAt, revocation, new TokenUse(issuedAt));
    }

    /** Usable now: not expired and neither it nor its grant revoked. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt) && !revocation.isRevoked() && !grant.isRevoked();
    }
}
