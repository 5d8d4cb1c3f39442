package dev.sfmcp.emulator.oauth;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One issued authorization code, bound to its client, redirect URI and PKCE challenge; single use.
 *
 * @param orgId         the user's org
 * @param userId        the user who logged in
 * @param clientId      the consumer key it was issued to
 * @param redirectUri   the redirect URI of the authorize request
 * @param codeChallenge the S256 challenge, or null when the request had none
 * @param scopes        the scopes approved
 * @param loginHost     the login host the user came through
 * @param expiresAt     when it stops being redeemable
 * @param redeemed      set on first redemption
 * @param issuedGrant   the grant the first redemption created, so a replay can revoke it
 */
public record AuthorizationCode(String orgId, String userId, String clientId, String redirectUri, String codeChallenge,
                                List<String> scopes, LoginHost loginHost, Instant expiresAt, AtomicBoolean redeemed,
                                AtomicReference<Grant> issuedGrant) {
}
