package dev.sfmcp.security.sharing;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The sharing settings of one object.
 *
 * @param grantAccessUsingHierarchies whether users above an owner (and above a share's recipient) get access;
 *                                    always true for standard objects
 * @param parentField                 for Controlled by Parent: the reference to the parent (e.g. {@code AccountId})
 * @param parentObject                for Controlled by Parent: the parent object (e.g. {@code Account})
 * @param owned                       whether records have an OwnerId (master-detail details do not)
 */
public record ObjectSharing(String sObject, SharingModel model, boolean grantAccessUsingHierarchies,
                            String parentField, String parentObject, boolean owned) {

    private static final Set<String> TRANSFER_OBJECTS = Set.of("lead", "case");

    public ObjectSharing {
        Objects.requireNonNull(sObject, "sObject");
        Objects.requireNonNull(model, "model");
        boolean custom = sObject.toLowerCase(Locale.ROOT).endsWith("__c");
        if (!custom && !grantAccessUsingHierarchies) {
            throw new IllegalArgumentException("Grant Access Using Hierarchies cannot be turned off for the standard object " + sObject);
        }
        if (model == SharingModel.PUBLIC_READ_WRITE_TRANSFER && !TRANSFER_OBJECTS.contains(sObject.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Public Read/Write/Transfer is only available for Lead and Case, not " + sObject);
        }
        if (model == SharingModel.PUBLIC_FULL_ACCESS && !sObject.equalsIgnoreCase("Campaign")) {
            throw new IllegalArgumentException("Public Full Access is only available for Campaign, not " + sObject);
        }
        if (model == SharingModel.CONTROLLED_BY_PARENT && (parentField == null || parentObject == null)) {
            throw new IllegalArgumentException("Controlled by Parent needs the parent reference of " + sObject);
        }
        if (model == SharingModel.CONTROLLED_BY_PARENT && !grantAccessUsingHierarchies) {
            throw new IllegalArgumentException("Grant Access Using Hierarchies cannot be turned off for " + sObject + ": it is Controlled by Parent");
        }
    }

    /** An owned object with the given default, hierarchies on. */
    public static ObjectSharing of(String sObject, SharingModel model) {
        return new ObjectSharing(sObject, model, true, null, null, true);
    }

    /** A detail (or Contact-like) object whose access follows its parent. */
    public static ObjectSharing controlledByParent(String sObject, String parentField, String parentObject, boolean owned) {
        return new ObjectSharing(sObject, SharingModel.CONTROLLED_BY_PARENT, true, parentField, parentObject, owned);
    }

    public ObjectSharing withHierarchies(boolean on) {
        return new ObjectSharing(sObject, model, on, parentField, parentObject, owned);
    }

    /** Whether share rows can exist for this object (Salesforce keeps them only under Private and Public Read Only). */
    public boolean keepsShareRows() {
        return model == SharingModel.PRIVATE || model == SharingModel.PUBLIC_READ_ONLY;
    }
}
