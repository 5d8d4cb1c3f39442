package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.app.IpRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user held in memory by the stand-in org registry (until the security model's users back {@link OrgUser}).
 *
 * @param password the clear-text password: the emulator's users are test users with a documented password
 */
public record UserRecord(String id, String username, String orgId, boolean isActive, boolean isApiEnabled,
                         String profileId, String profileName, Set<String> permissionSetNames, String password,
                         String timeZone, String locale, String email, String displayName, Duration sessionTimeout,
                         List<IpRange> loginIpRanges) implements OrgUser {

    public UserRecord {
        id = SalesforceId.eighteen(id);
        orgId = SalesforceId.eighteen(orgId);
        Objects.requireNonNull(username, "username");
        username = username.toLowerCase();
        permissionSetNames = Set.copyOf(Objects.requireNonNullElse(permissionSetNames, Set.of()));
        loginIpRanges = List.copyOf(Objects.requireNonNullElse(loginIpRanges, List.of()));
        timeZone = Objects.requireNonNullElse(timeZone, "America/Los_Angeles");
        locale = Objects.requireNonNullElse(locale, "en_US");
        email = Objects.requireNonNullElse(email, username);
        displayName = Objects.requireNonNullElse(displayName, username);
    }

    /** An active, API-enabled user with the usual demo defaults. */
    public static UserRecord of(String id, String username, String orgId, String profileId, String profileName,
                                String displayName, String password) {
        return new UserRecord(id, username, orgId, true, true, profileId, profileName, Set.of(), password,
                null, null, null, displayName, null, List.of());
    }

    public UserRecord withActive(boolean active) {
        return new UserRecord(id, username, orgId, active, isApiEnabled, profileId, profileName, permissionSetNames, password,
                timeZone, locale, email, displayName, sessionTimeout, loginIpRanges);
    }

    public UserRecord withApiEnabled(boolean apiEnabled) {
        return new UserRecord(id, username, orgId, isActive, apiEnabled, profileId, profileName, permissionSetNames, password,
                timeZone, locale, email, displayName, sessionTimeout, loginIpRanges);
    }

    public UserRecord withPermissionSets(Set<String> names) {
        return new UserRecord(id, username, orgId, isActive, isApiEnabled, profileId, profileName, names, password,
                timeZone, locale, email, displayName, sessionTimeout, loginIpRanges);
    }

    public UserRecord withSessionTimeout(Duration timeout) {
        return new UserRecord(id, username, orgId, isActive, isApiEnabled, profileId, profileName, permissionSetNames, password,
                timeZone, locale, email, displayName, timeout, loginIpRanges);
    }

    public UserRecord withLoginIpRanges(List<IpRange> ranges) {
        return new UserRecord(id, username, orgId, isActive, isApiEnabled, profileId, profileName, permissionSetNames, password,
                timeZone, locale, email, displayName, sessionTimeout, ranges);
    }

    @Override
    public boolean checkPassword(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "UserRecord[" + username + "]"; // never print the password
    }
}
