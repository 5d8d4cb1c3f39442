package dev.sfmcp.soql.access;

import java.util.List;
import java.util.Set;

/**
 * Which records of one sObject a caller may reach, as a small algebra that the engine compiles into the SQL
 * of every query and write (never applied to rows in Java). The security model builds these; the engine
 * knows only how to compile them.
 *
 * <p>Storage the filters refer to, kept by the engine: every object table has its {@code Id} and (where the
 * object has an owner) {@code OwnerId}; every shareable object has a share table named as Salesforce names it
 * ({@code AccountShare}, {@code Foo__Share}) with the columns {@code ParentId}, {@code UserOrGroupId},
 * {@code AccessLevel} ({@link AccessLevel#rank()}) and {@code RowCause}.
 */
public sealed interface RecordFilter {

    /** Every record (no predicate). */
    RecordFilter ALL = new All();
    /** No record at all. */
    RecordFilter NONE = new None();

    /** Every record: View All, Modify All, View All Data, public defaults. */
    record All() implements RecordFilter { }

    /** No record. */
    record None() implements RecordFilter { }

    /** Records whose {@code OwnerId} is one of these users or queues. */
    record OwnerIn(Set<String> ownerIds) implements RecordFilter {
        public OwnerIn {
            ownerIds = Set.copyOf(ownerIds);
        }
    }

    /**
     * Records with a row in the object's share table for one of these users or groups, at {@code minimum}
     * access or more.
     */
    record SharedWith(Set<String> userOrGroupIds, AccessLevel minimum) implements RecordFilter {
        public SharedWith {
            userOrGroupIds = Set.copyOf(userOrGroupIds);
        }
    }

    /**
     * Records whose parent, reached through {@code referenceField} (e.g. {@code AccountId}), passes
     * {@code parentFilter}: Controlled by Parent and master-detail children.
     */
    record ParentVisible(String referenceField, String parentObject, RecordFilter parentFilter) implements RecordFilter { }

    /**
     * Records that have at least one child of {@code childObject} (linked by {@code childReferenceField}) passing
     * {@code childFilter}: the implicit read on a parent Account that access to a child gives.
     */
    record ChildVisible(String childObject, String childReferenceField, RecordFilter childFilter) implements RecordFilter { }

    /** Records passing any of the filters. */
    record AnyOf(List<RecordFilter> filters) implements RecordFilter {
        public AnyOf {
            filters = List.copyOf(filters);
        }
    }

    /** Records passing all of the filters. */
    record AllOf(List<RecordFilter> filters) implements RecordFilter {
        public AllOf {
            filters = List.copyOf(filters);
        }
    }

    /** A union that drops NONE parts and collapses to ALL when any part is ALL. */
    static RecordFilter anyOf(List<RecordFilter> parts) {
        List<RecordFilter> kept = parts.stream().filter(f -> !(f instanceof None)).toList();
        if (kept.stream().anyMatch(f -> f instanceof All)) {
            return ALL;
        }
        if (kept.isEmpty()) {
            return NONE;
        }
        return kept.size() == 1 ? kept.get(0) : new AnyOf(kept);
    }
}
