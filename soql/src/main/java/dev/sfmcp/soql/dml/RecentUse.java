package dev.sfmcp.soql.dml;

/** How a user used a record: viewed it (GET, FOR VIEW) or referenced it (FOR REFERENCE, a lookup). */
public enum RecentUse {
    VIEW("LastViewedDate"), REFERENCE("LastReferencedDate");

    private final String field;

    RecentUse(String field) {
        this.field = field;
    }

    /** The system field the use updates. */
    public String field() {
        return field;
    }
}
