package dev.sfmcp.security.principal;

import dev.sfmcp.soql.access.AccessLevel;
import java.util.Objects;

/**
 * A UserRole. Besides its place in the hierarchy it says what an Account owner in this role gets on the
 * account's opportunities, cases and contacts they do not own (null = no access), the implicit "child" access.
 * Each role comes with two groups (Role and RoleAndSubordinates) whose Ids are derived from the role's Id.
 */
public record Role(String id, String name, String parentRoleId, AccessLevel opportunityAccessForAccountOwner,
                   AccessLevel caseAccessForAccountOwner, AccessLevel contactAccessForAccountOwner) {

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.length() != 18) {
            throw new IllegalArgumentException("a role Id has 18 characters: " + id);
        }
    }

    /** A role with Salesforce's defaults for new roles: no access to children of the owner's accounts (I). */
    public static Role of(String id, String name, String parentRoleId) {
        return new Role(id, name, parentRoleId, null, null, null);
    }

    /** The Id of the group holding this role's users. */
    public String groupId() {
        return SalesforceIds.to18("00G" + "r" + id.substring(4, 15));
    }

    /** The Id of the group holding this role's users and those of every role below it. */
    public String subordinatesGroupId() {
        return SalesforceIds.to18("00G" + "s" + id.substring(4, 15));
    }

    /** What an account owner in this role gets on a child object of the account, or null. */
    public AccessLevel accessForAccountOwner(String childObject) {
        return switch (childObject.toLowerCase(java.util.Locale.ROOT)) {
            case "opportunity" -> opportunityAccessForAccountOwner;
            case "case" -> caseAccessForAccountOwner;
            case "contact" -> contactAccessForAccountOwner;
            default -> null;
        };
    }
}
