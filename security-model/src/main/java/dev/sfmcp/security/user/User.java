package dev.sfmcp.security.user;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An org user as the security model needs it. Immutable: a change (new role, deactivation) is a new value
 * handed to the org's security, which then drops what it cached for the user.
 *
 * @param id                   the 18-character {@code 005} Id
 * @param roleId               the UserRole Id, or null for a user outside the role hierarchy
 * @param permissionSetIds     directly assigned permission sets
 * @param permissionSetGroupIds assigned permission set groups
 * @param managerId            the user's manager (informational; sharing follows roles, not managers)
 * @param passwordHash         null for a user who cannot log in with a password
 */
public record User(String id, String username, boolean active, String profileId, String roleId,
                   List<String> permissionSetIds, List<String> permissionSetGroupIds, String managerId,
                   ZoneId timeZone, Locale locale, String email, String firstName, String lastName,
                   PasswordHash passwordHash) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profileId, "profileId");
        permissionSetIds = permissionSetIds == null ? List.of() : List.copyOf(permissionSetIds);
        permissionSetGroupIds = permissionSetGroupIds == null ? List.of() : List.copyOf(permissionSetGroupIds);
        timeZone = timeZone == null ? ZoneId.of("America/Los_Angeles") : timeZone;
        locale = locale == null ? Locale.US : locale;
    }

    /** A minimal active user: tests and generators fill in the rest with the {@code with…} methods. */
    public static User of(String id, String username, String profileId, String roleId) {
        return new User(id, username, true, profileId, roleId, List.of(), List.of(), null, null, null,
                username, null, username, null);
    }

    /** Salesforce's Name: first and last name. */
    public String name() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    /** Whether {@code password} is this user's password; false for a user without one. */
    public boolean checkPassword(String password) {
        return passwordHash != null && passwordHash.matches(password);
    }

    public User withActive(boolean value) {
        return new User(id, username, value, profileId, roleId, permissionSetIds, permissionSetGroupIds, managerId,
                timeZone, locale, email, firstName, lastName, passwordHash);
    }

    public User withRole(String value) {
        return new User(id, username, active, profileId, value, permissionSetIds, permissionSetGroupIds, managerId,
                timeZone, locale, email, firstName, lastName, passwordHash);
    }

    public User withProfile(String value) {
        return new User(id, username, active, value, roleId, permissionSetIds, permissionSetGroupIds, managerId,
                timeZone, locale, email, firstName, lastName, passwordHash);
    }

    public User withPermissionSets(List<String> setIds, List<String> groupIds) {
        return new User(id, username, active, profileId, roleId, setIds, groupIds, managerId,
                timeZone, locale, email, firstName, lastName, passwordHash);
    }

    public User withPassword(String password) {
        return new User(id, username, active, profileId, roleId, permissionSetIds, permissionSetGroupIds, managerId,
                timeZone, locale, email, firstName, lastName, PasswordHash.of(password));
    }

    public User withLocale(ZoneId zone, Locale value) {
        return new User(id, username, active, profileId, roleId, permissionSetIds, permissionSetGroupIds, managerId,
                zone, value, email, firstName, lastName, passwordHash);
    }

    public User withNames(String first, String last, String mail, String manager) {
        return new User(id, username, active, profileId, roleId, permissionSetIds, permissionSetGroupIds, manager,
                timeZone, locale, mail, first, last, passwordHash);
    }
}
