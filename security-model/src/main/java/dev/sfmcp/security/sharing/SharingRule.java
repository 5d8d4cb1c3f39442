package dev.sfmcp.security.sharing;

import dev.sfmcp.soql.access.AccessLevel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A sharing rule: opens records of one object to a group (a public group, a role, or a role and subordinates). */
public sealed interface SharingRule {

    String id();

    /** The rule's API name. */
    String name();

    String sObject();

    /** The group that receives access. */
    String sharedWithGroupId();

    /** Read or Edit: sharing rules cannot grant Full Access. */
    AccessLevel accessLevel();

    private static void check(String name, AccessLevel level) {
        Objects.requireNonNull(name, "name");
        if (level == null || level == AccessLevel.ALL) {
            throw new IllegalArgumentException("Sharing rule " + name + " must grant Read Only or Read/Write access");
        }
    }

    /**
     * Records owned by members of {@code ownedByGroupId} are shared. Expressed as an owner filter for the
     * receiving users (never as rows), so an owner change needs no recalculation.
     */
    record OwnerBased(String id, String name, String sObject, String ownedByGroupId, String sharedWithGroupId,
                      AccessLevel accessLevel) implements SharingRule {
        public OwnerBased {
            check(name, accessLevel);
            Objects.requireNonNull(ownedByGroupId, "ownedByGroupId");
            Objects.requireNonNull(sharedWithGroupId, "sharedWithGroupId");
        }
    }

    /** Records meeting every criterion are shared; kept as {@code Rule} rows naming the receiving group. */
    record CriteriaBased(String id, String name, String sObject, List<Criterion> criteria, String sharedWithGroupId,
                         AccessLevel accessLevel) implements SharingRule {
        public CriteriaBased {
            check(name, accessLevel);
            criteria = List.copyOf(criteria);
            if (criteria.isEmpty()) {
                throw new IllegalArgumentException("Criteria-based sharing rule " + name + " needs at least one criterion");
            }
            Objects.requireNonNull(sharedWithGroupId, "sharedWithGroupId");
        }

        public boolean matches(Map<String, ?> record) {
            return criteria.stream().allMatch(c -> c.matches(record));
        }

        /** Whether a change of these fields can change the rule's outcome. */
        public boolean dependsOnAny(java.util.Set<String> changedFields) {
            return criteria.stream().anyMatch(c -> changedFields.stream().anyMatch(f -> f.equalsIgnoreCase(c.field())));
        }
    }
}
