package dev.sfmcp.emulator.org;

import dev.sfmcp.security.explain.AccessExplanation;
import dev.sfmcp.soql.access.AccessLevel;

/**
 * One answer to "who can see this record and why": a user, the highest access the user has to the record (null when
 * none), and the security model's explanation (the grants giving each level and the share rows involved).
 */
public record RecordAccess(String userId, String username, String profile, String role, AccessLevel maxAccess,
                           AccessExplanation explanation) {
}
