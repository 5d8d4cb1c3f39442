package dev.sfmcp.emulator.org;

import java.util.List;

/**
 * One line of Setup's Users list: who the user is, their profile, role and permission sets, and whether they may log
 * in and use the API.
 *
 * @param role           the role's name, or null for a user outside the role hierarchy
 * @param permissionSets the API names of the directly assigned permission sets
 * @param apiEnabled     whether the profile or a permission set grants API Enabled
 */
public record UserSummary(String id, String username, String name, String email, String profile, String role,
                          List<String> permissionSets, boolean active, boolean apiEnabled) {

    public UserSummary {
        permissionSets = List.copyOf(permissionSets);
    }
}
