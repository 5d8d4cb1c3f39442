package dev.sfmcp.security.sharing;

/** Share-row causes, spelled as Salesforce stores them in {@code RowCause}. */
public final class RowCause {
    /** A manual share: deleted when the record changes owner. */
    public static final String MANUAL = "Manual";
    /** A sharing rule: recalculated when a rule or a criteria field changes. */
    public static final String RULE = "Rule";
    /** The record owner (not stored by this emulator: ownership is a filter on OwnerId). */
    public static final String OWNER = "Owner";
    /** Read on an Account from access to one of its children (a filter here, never a row). */
    public static final String IMPLICIT_PARENT = "ImplicitParent";
    /** An Account owner's access to the account's children (a filter here, never a row). */
    public static final String IMPLICIT_CHILD = "ImplicitChild";

    private RowCause() {
    }
}
