package dev.sfmcp.security.principal;

import java.util.Objects;
import java.util.Set;

/**
 * A group that records can be shared with: a public group, or the Role / RoleAndSubordinates group that every
 * role has. Members of a public group are user Ids and group Ids (a role is added as its Role group, a role
 * and its subordinates as its RoleAndSubordinates group).
 *
 * @param includeBosses "Grant Access Using Hierarchies": whether managers of members inherit the group's access
 * @param relatedRoleId the role of a Role / RoleAndSubordinates group, null for a public group
 */
public record Group(String id, String developerName, GroupType type, Set<String> memberIds, boolean includeBosses,
                    String relatedRoleId) {

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }

    /** The "All Internal Users" group, which every user belongs to without being listed. */
    public static Group allInternalUsers(String id) {
        return new Group(id, "AllInternalUsers", GroupType.Organization, Set.of(), true, null);
    }

    /** A queue; its members reach the records it owns as owners do. */
    public static Group queue(String id, String developerName, Set<String> memberIds) {
        return new Group(id, developerName, GroupType.Queue, memberIds, false, null);
    }

    /** A public group granting access to the managers of its members, as Setup creates them by default. */
    public static Group publicGroup(String id, String developerName, Set<String> memberIds) {
        return new Group(id, developerName, GroupType.Regular, memberIds, true, null);
    }
}
