package dev.sfmcp.security.view;

/** Why a user reaches a record: the kinds of grant Salesforce's sharing model knows. */
public enum AccessReason {
    /** The user holds Modify All Data. */
    MODIFY_ALL_DATA,
    /** The user holds View All Data (read only). */
    VIEW_ALL_DATA,
    /** The user holds Modify All on the object. */
    MODIFY_ALL,
    /** The user holds View All on the object (read only). */
    VIEW_ALL,
    /** The organization-wide default opens every record at this level. */
    ORG_WIDE_DEFAULT,
    /** The user owns the record. */
    OWNER,
    /** The owner is below the user in the role hierarchy. */
    ROLE_HIERARCHY,
    /** A share row (manual share or criteria-based rule) names the user, one of the user's groups, or a subordinate. */
    SHARE_ROW,
    /** An owner-based sharing rule opens records owned by a group the user receives. */
    SHARING_RULE,
    /** The user owns (or is above the owner of) the record's Account and the owner's role opens its children. */
    IMPLICIT_CHILD,
    /** Read on an Account because the user reaches one of its contacts, opportunities or cases. */
    IMPLICIT_PARENT,
    /** The object is Controlled by Parent and the user reaches the parent record. */
    CONTROLLED_BY_PARENT
}
