package dev.sfmcp.security.sharing;

import dev.sfmcp.security.principal.PrincipalGraph;
import dev.sfmcp.security.store.SharingStore;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Manual shares (RowCause {@code Manual}): who may create them, the rule that a share must grant more than the
 * default, and the REST errors when not. The error texts are those seen from the API (labels in the reference):
 * a share not above the default is FIELD_FILTER_VALIDATION_EXCEPTION (L code, I text); sharing a record one
 * lacks full access to is INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY (L); an unknown recipient is
 * INVALID_CROSS_REFERENCE_KEY (3P).
 */
public final class ManualSharing {

    private final SharingStore store;
    private final Supplier<PrincipalGraph> principals;
    private final Function<String, ObjectSharing> settingsOf;

    public ManualSharing(SharingStore store, Supplier<PrincipalGraph> principals, Function<String, ObjectSharing> settingsOf) {
        this.store = Objects.requireNonNull(store, "store");
        this.principals = principals;
        this.settingsOf = settingsOf;
    }

    /**
     * Shares a record as a user whose full-access filter on the object is {@code sharerFullAccess} (the record
     * must pass it: owner, above the owner, Full Access share, Modify All).
     */
    public ShareRow share(RecordFilter sharerFullAccess, String sObject, String recordId, String userOrGroupId, AccessLevel level) {
        return store.atomically(tx -> {
            if (!tx.matches(sObject, recordId, sharerFullAccess)) {
                throw new SalesforceException(SalesforceError.of("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                        "insufficient access rights on cross-reference id"));
            }
            return write(tx, sObject, recordId, userOrGroupId, level);
        });
    }

    /** Shares a record without checking who shares it: fixtures and the admin API. */
    public ShareRow shareAsSystem(String sObject, String recordId, String userOrGroupId, AccessLevel level) {
        return store.atomically(tx -> write(tx, sObject, recordId, userOrGroupId, level));
    }

    private ShareRow write(SharingStore tx, String sObject, String recordId, String userOrGroupId, AccessLevel level) {
        ObjectSharing sharing = settingsOf.apply(sObject);
        if (sharing.model() == SharingModel.CONTROLLED_BY_PARENT) {
            throw new SalesforceException(SalesforceError.of("INVALID_TYPE",
                    "sObject type '" + sObject + "Share' is not supported. Sharing of " + sObject
                            + " is Controlled by Parent: share the " + sharing.parentObject() + " instead."));
        }
        AccessLevel baseline = sharing.model().baseline();
        if (level == null || baseline != null && baseline.covers(level)) {
            throw new SalesforceException(SalesforceError.withFields("FIELD_FILTER_VALIDATION_EXCEPTION",
                    "AccessLevel (" + label(level) + ") must be more permissive than the object's default access ("
                            + sharing.model().label() + ")", List.of("AccessLevel")));
        }
        if (!principals.get().knows(userOrGroupId)) {
            throw new SalesforceException(SalesforceError.withFields("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id", List.of("UserOrGroupId")));
        }
        tx.deleteRow(sObject, recordId, userOrGroupId, RowCause.MANUAL);
        ShareRow row = new ShareRow(recordId, userOrGroupId, level, RowCause.MANUAL);
        tx.insert(sObject, List.of(row));
        return row;
    }

    /** Removes a manual share, as a user with full access to the record. */
    public boolean unshare(RecordFilter sharerFullAccess, String sObject, String recordId, String userOrGroupId) {
        return store.atomically(tx -> {
            if (!tx.matches(sObject, recordId, sharerFullAccess)) {
                throw new SalesforceException(SalesforceError.of("INSUFFICIENT_ACCESS_OR_READONLY",
                        "insufficient access rights on object id"));
            }
            return tx.deleteRow(sObject, recordId, userOrGroupId, RowCause.MANUAL) > 0;
        });
    }

    private static String label(AccessLevel level) {
        return level == null ? "None" : switch (level) {
            case READ -> "Read";
            case EDIT -> "Edit";
            case ALL -> "All";
        };
    }
}
