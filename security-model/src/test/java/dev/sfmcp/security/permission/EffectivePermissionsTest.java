package dev.sfmcp.security.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTest {

    private static EffectivePermissions of(Profile p, PermissionSet... sets) {
        List<PermissionSet> all = new java.util.ArrayList<>();
        all.add(p.permissions());
        all.addAll(List.of(sets));
        return new EffectivePermissions(all);
    }

    /** The standard profiles' table (see StandardProfiles) as the effective permissions report it. */
    @ParameterizedTest(name = "{0} on {1} = {2}")
    @CsvSource({
            "System Administrator, Account, RCEDVM",
            "System Administrator, Custom__c, RCEDVM",
            "Standard User, Account, RCED",
            "Standard User, Opportunity, RCED",
            "Standard User, Lead, RCED",
            "Standard User, Case, RCED",
            "Standard User, Campaign, R",
            "Standard User, Product2, R",
            "Standard User, Custom__c, RCED",
            "Read Only, Account, R",
            "Read Only, Opportunity, R",
            "Read Only, Custom__c, R",
            "Minimum Access - Salesforce, Account, -",
            "Minimum Access - Salesforce, Custom__c, -",
    })
    void standardProfiles(String profile, String sObject, String flags) {
        Profile p = StandardProfiles.all().stream().filter(x -> x.name().equals(profile)).findFirst().orElseThrow();
        assertEquals(ObjectPermissions.parse(flags), of(p).object(sObject));
    }

    @Test
    void everyStandardProfileIsApiEnabled() {
        for (Profile p : StandardProfiles.all()) {
            assertTrue(of(p).has(SystemPermission.API_ENABLED), p.name());
        }
        assertTrue(of(StandardProfiles.systemAdministrator()).has(SystemPermission.MODIFY_ALL_DATA));
        assertFalse(of(StandardProfiles.standardUser()).has(SystemPermission.VIEW_ALL_DATA));
    }

    @Test
    void permissionSetsAddToTheProfile() {
        PermissionSet secrets = PermissionSet.builder("0PS000000000020AAA", "Secrets")
                .object("Secret__c", ObjectPermissions.READ, FieldPermissions.READ)
                .field("Secret__c", "Code__c", FieldPermissions.EDIT).build();
        EffectivePermissions e = of(StandardProfiles.minimumAccess(), secrets);
        assertEquals(ObjectPermissions.READ, e.object("secret__c"));
        assertEquals(FieldPermissions.READ, e.field("Secret__c", "Other__c"));
        // Edit on a field of an object the user can neither create nor edit is read only
        assertEquals(FieldPermissions.READ, e.field("Secret__c", "Code__c"));
        assertEquals(ObjectPermissions.NONE, e.object("Account"));
        assertEquals(FieldPermissions.NONE, e.field("Account", "Name"));
    }

    @Test
    void viewAllDataImpliesReadEverywhereButFlsStillApplies() {
        PermissionSet vad = PermissionSet.builder("0PS000000000021AAA", "VAD").system(SystemPermission.VIEW_ALL_DATA).build();
        EffectivePermissions e = of(StandardProfiles.minimumAccess(), vad);
        assertTrue(e.object("Account").read());
        assertTrue(e.object("Account").viewAll());
        assertFalse(e.object("Account").edit());
        assertTrue(e.field("Account", "Id").read());
        assertFalse(e.field("Account", "Industry").read());
    }

    @Test
    void systemFieldsAreReadOnlyAndNameFollowsTheObject() {
        EffectivePermissions e = of(StandardProfiles.readOnly());
        assertEquals(FieldPermissions.READ, e.field("Account", "Name"));
        EffectivePermissions std = of(StandardProfiles.standardUser());
        assertEquals(FieldPermissions.EDIT, std.field("Account", "Name"));
        assertEquals(FieldPermissions.READ, std.field("Account", "LastModifiedDate"));
        assertEquals(FieldPermissions.EDIT, std.field("Account", "OwnerId"));
    }

    @Test
    void groupsBringTheirSets() {
        PermissionSet a = PermissionSet.builder("0PS000000000022AAA", "A").object("Lead", ObjectPermissions.READ).build();
        PermissionSet b = PermissionSet.builder("0PS000000000023AAA", "B").object("Lead", ObjectPermissions.READ_CREATE_EDIT).build();
        PermissionSetGroup g = new PermissionSetGroup("0PG000000000001AAA", "Leads", List.of(a, b));
        EffectivePermissions e = of(StandardProfiles.minimumAccess(), g.permissionSets().toArray(PermissionSet[]::new));
        assertEquals(ObjectPermissions.READ_CREATE_EDIT, e.object("Lead"));
    }
}
