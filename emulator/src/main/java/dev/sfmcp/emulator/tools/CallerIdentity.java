package dev.sfmcp.emulator.tools;

/**
 * Who a tool call runs as, in the words getUserInfo prints: the identity block of the live shape plus the fields
 * another client's type adds (firstName, lastName, profileName, isActive), and the user's zone and locale.
 */
public record CallerIdentity(String userId, String username, String displayName, String firstName, String lastName,
                             String email, String profileId, String profileName, String roleName, String managerName,
                             String companyName, boolean active, String timeZone, String locale) {
}
