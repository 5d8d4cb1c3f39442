package dev.sfmcp.security.permission;

import java.util.List;

/**
 * The four standard profiles as Salesforce ships them, reduced to what the emulator enforces.
 *
 * <pre>
 * object / profile        System Administrator   Standard User   Read Only   Minimum Access - Salesforce
 * Account, Contact,       RCEDVM                 RCED            R           -
 *   Lead, Opportunity,
 *   Case, Asset, Order,
 *   Contract, Solution,
 *   Document, Task, Event
 * Campaign                RCEDVM                 R               R           -
 * Product2, Pricebook2    RCEDVM                 R               R           -
 * User                    RCEDVM                 R               R           -
 * custom objects          RCEDVM                 RCED (I)        R (I)       -
 * fields                  Read/Edit              Read/Edit       Read        none
 * system                  API Enabled, View All  API Enabled     API Enabled API Enabled (I)
 *                         Data, Modify All Data,
 *                         Transfer Record
 * </pre>
 * (I) marks inferred entries: standard profiles cannot be edited and receive the permissions of new custom
 * objects as listed; fixtures that need something else assign permission sets or define custom profiles.
 */
public final class StandardProfiles {

    /** Standard objects that the Standard User profile may read, create, edit and delete. */
    public static final List<String> SALES_AND_SERVICE_OBJECTS = List.of("Account", "Contact", "Lead", "Opportunity",
            "Case", "Asset", "Order", "Contract", "Solution", "Document", "Task", "Event");
    /** Standard objects that every standard profile but Minimum Access may only read. */
    public static final List<String> READ_ONLY_OBJECTS = List.of("Campaign", "Product2", "Pricebook2", "User");

    public static final String SYSTEM_ADMINISTRATOR = "System Administrator";
    public static final String STANDARD_USER = "Standard User";
    public static final String READ_ONLY = "Read Only";
    public static final String MINIMUM_ACCESS = "Minimum Access - Salesforce";

    private StandardProfiles() {
    }

    /** The four profiles, with stable Ids so that fixtures and tests can refer to them. */
    public static List<Profile> all() {
        return List.of(systemAdministrator(), standardUser(), readOnly(), minimumAccess());
    }

    public static Profile systemAdministrator() {
        PermissionSet.Builder b = PermissionSet.builder("0PS000000000001AAA", "X00ex000000000001AAA").label(SYSTEM_ADMINISTRATOR)
                .otherObjects(ObjectPermissions.FULL, FieldPermissions.EDIT)
                .system(SystemPermission.API_ENABLED, SystemPermission.VIEW_ALL_DATA, SystemPermission.MODIFY_ALL_DATA,
                        SystemPermission.TRANSFER_ANY_ENTITY);
        return new Profile("00e000000000001AAA", SYSTEM_ADMINISTRATOR, b.build());
    }

    public static Profile standardUser() {
        PermissionSet.Builder b = PermissionSet.builder("0PS000000000002AAA", "X00ex000000000002AAA").label(STANDARD_USER)
                .otherObjects(ObjectPermissions.CRED, FieldPermissions.EDIT)
                .system(SystemPermission.API_ENABLED);
        SALES_AND_SERVICE_OBJECTS.forEach(o -> b.object(o, ObjectPermissions.CRED, FieldPermissions.EDIT));
        READ_ONLY_OBJECTS.forEach(o -> b.object(o, ObjectPermissions.READ, FieldPermissions.EDIT));
        return new Profile("00e000000000002AAA", STANDARD_USER, b.build());
    }

    public static Profile readOnly() {
        PermissionSet.Builder b = PermissionSet.builder("0PS000000000003AAA", "X00ex000000000003AAA").label(READ_ONLY)
                .otherObjects(ObjectPermissions.READ, FieldPermissions.READ)
                .system(SystemPermission.API_ENABLED);
        SALES_AND_SERVICE_OBJECTS.forEach(o -> b.object(o, ObjectPermissions.READ, FieldPermissions.READ));
        READ_ONLY_OBJECTS.forEach(o -> b.object(o, ObjectPermissions.READ, FieldPermissions.READ));
        return new Profile("00e000000000003AAA", READ_ONLY, b.build());
    }

    public static Profile minimumAccess() {
        PermissionSet.Builder b = PermissionSet.builder("0PS000000000004AAA", "X00ex000000000004AAA").label(MINIMUM_ACCESS)
                .system(SystemPermission.API_ENABLED);
        return new Profile("00e000000000004AAA", MINIMUM_ACCESS, b.build());
    }
}
