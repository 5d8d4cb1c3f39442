package dev.sfmcp.security.explain;

import dev.sfmcp.soql.access.AccessLevel;

/** One line of "which users can see this record?": a user and the highest access the user has. */
public record UserAccess(String userId, String username, AccessLevel maxAccess) {
}
