package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.app.IpRange;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The narrow view of a user that the OAuth layer needs: who they are, whether they may log in, which profile and
 * permission sets pre-authorize them for admin-approved apps, their session timeout and trusted IP ranges, and what
 * the identity endpoints print. The stand-in {@link UserRecord} implements it today; the security model's users will.
 */
public interface OrgUser {

    /** The 18-character user Id. */
    String id();

    /** The login name, unique across every org. */
    String username();

    /** The 18-character Id of the user's org. */
    String orgId();

    /** Inactive (or frozen) users cannot log in. */
    boolean isActive();

    /** The "API Enabled" permission; without it the user cannot obtain a token. */
    boolean isApiEnabled();

    String profileId();

    String profileName();

    Set<String> permissionSetNames();

    /** Whether the password is the user's; implementations compare in constant time where it matters. */
    boolean checkPassword(String candidate);

    /** IANA zone, e.g. {@code America/Los_Angeles}. */
    String timeZone();

    /** e.g. {@code en_US}. */
    String locale();

    String email();

    String displayName();

    /** The profile's session timeout, or null for the org's. */
    Duration sessionTimeout();

    /** The profile's login IP ranges; empty means no restriction. */
    List<IpRange> loginIpRanges();
}
