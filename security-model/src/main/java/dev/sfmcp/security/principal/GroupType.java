package dev.sfmcp.security.principal;

/** Group.Type values the sharing model uses. */
public enum GroupType {
    /** A public group: members are users, roles, roles and subordinates, and other groups. */
    Regular,
    /** The users of one role. */
    Role,
    /** The users of one role and of every role below it. */
    RoleAndSubordinates,
    /** A queue: it can own records (Lead, Case, custom objects), and its members reach what it owns. */
    Queue,
    /** "All Internal Users": every user of the org is a member. */
    Organization
}
