package dev.sfmcp.soql.access;

/**
 * Record access levels as Salesforce's share tables store them. The numeric {@link #rank()} is what the
 * engine stores in a share row's {@code AccessLevel} column, so "at least EDIT" is {@code AccessLevel >= 2}.
 */
public enum AccessLevel {
    /** Read only. */
    READ(1),
    /** Read/Write. */
    EDIT(2),
    /** Full access: owner, above the owner in the hierarchy, Modify All, or a manual share with All. Needed to delete, share and transfer. */
    ALL(3);

    private final int rank;

    AccessLevel(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Whether this level grants at least {@code other}. */
    public boolean covers(AccessLevel other) {
        return rank >= other.rank;
    }

    /** The level stored with the given rank. */
    public static AccessLevel ofRank(int rank) {
        for (AccessLevel level : values()) {
            if (level.rank == rank) {
                return level;
            }
        }
        throw new IllegalArgumentException("no access level with rank " + rank);
    }
}
