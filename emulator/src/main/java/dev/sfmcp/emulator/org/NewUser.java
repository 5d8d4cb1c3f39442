package dev.sfmcp.emulator.org;

import java.util.List;

/**
 * What Setup's New User form asks for. Only {@code username}, {@code lastName} and {@code profile} are required.
 *
 * @param profile        the profile's name ({@code Standard User})
 * @param role           the role's name, or null for none
 * @param permissionSets API names of permission sets to assign
 * @param password       the login password; null gives the demo password {@value UserAdministration#DEFAULT_PASSWORD}
 * @param timeZone       IANA zone, or null for America/Los_Angeles
 * @param locale         e.g. {@code en_US}, or null for en_US
 */
public record NewUser(String username, String firstName, String lastName, String email, String profile, String role,
                      List<String> permissionSets, String password, boolean active, String timeZone, String locale) {

    public NewUser {
        permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
    }

    /** An active user with a profile and nothing else. */
    public static NewUser of(String username, String lastName, String profile) {
        return new NewUser(username, null, lastName, null, profile, null, List.of(), null, true, null, null);
    }
}
