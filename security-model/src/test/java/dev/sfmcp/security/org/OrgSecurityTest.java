package dev.sfmcp.security.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.sharing.ObjectSharing;
import dev.sfmcp.security.sharing.SharingModel;
import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import dev.sfmcp.security.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgSecurityTest {

    private TestOrg org;

    @BeforeEach
    void build() {
        org = SalesOrg.build();
    }

    @AfterEach
    void close() {
        org.close();
    }

    @Test
    void apiAccessNeedsAnActiveApiEnabledUser() {
        assertTrue(org.security.apiAccess(org.id("repWest")).allowed());
        ApiAccess inactive = org.security.apiAccess(org.id("inactive"));
        assertFalse(inactive.allowed());
        assertFalse(inactive.active());
        assertTrue(inactive.apiEnabled());
        Profile noApi = new Profile("00e000000000098AAA", "No API", PermissionSet.builder("0PS000000000098AAA", "NoApi").build());
        org.security.putProfile(noApi);
        org.security.putUser(org.security.user(org.id("support")).orElseThrow().withProfile(noApi.id()));
        ApiAccess support = org.security.apiAccess(org.id("support"));
        assertTrue(support.active());
        assertFalse(support.apiEnabled());
        assertFalse(support.allowed());
    }

    @Test
    void rolesProfilesAndPermissionSetsAreFoundByNameAsSetupNamesThem() {
        assertEquals(org.id("psViewAll"), org.security.permissionSetByName("oppviewall").orElseThrow().id());
        assertTrue(org.security.permissionSetByName("Nope").isEmpty());
        assertEquals("SM West", org.security.roleByName("sm west").orElseThrow().name());
        assertTrue(org.security.roleByName("Pope").isEmpty());
        assertTrue(org.security.roles().stream().anyMatch(r -> r.name().equals("Rep East")));
        assertTrue(org.security.profiles().stream().anyMatch(p -> p.name().equals("Restricted Sales")));
        assertTrue(org.security.permissionSets().stream().anyMatch(p -> p.name().equals("TransferRecords")));
    }

    @Test
    void definitionsAreCheckedAgainstWhatExists() {
        User ghost = User.of(org.ids.next("005"), "ghost@example.com", "00e0000000000XXAAA", null);
        assertThrows(IllegalArgumentException.class, () -> org.security.putUser(ghost));
        User dup = User.of(org.ids.next("005"), "repWest@example.com", "00e000000000002AAA", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> org.security.putUser(dup));
        assertTrue(e.getMessage().contains("Duplicate username"));
        String west = org.id("WestTeam");
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> org.security.putRule(
                new dev.sfmcp.security.sharing.SharingRule.CriteriaBased("RX", "OpenCampaigns", "Campaign",
                        java.util.List.of(dev.sfmcp.security.sharing.Criterion.equals("Name", "x")), west,
                        dev.sfmcp.soql.access.AccessLevel.READ)));
        assertTrue(open.getMessage().contains("Private or Public Read Only"), open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> org.security.putRule(new dev.sfmcp.security.sharing.SharingRule.OwnerBased(
                "RY", "Ghosts", "Account", "00G000000000000AAA", west, dev.sfmcp.soql.access.AccessLevel.READ)));
        assertEquals(4, org.security.rules().size(), "refused rules are not kept");
        Role orphan = Role.of(org.ids.next("00E"), "Orphan", org.ids.next("00E"));
        assertThrows(IllegalArgumentException.class, () -> org.security.putRole(orphan));
        assertTrue(org.security.role(orphan.id()).isEmpty(), "a refused role is not kept");
    }

    @Test
    void sharingSettingsFollowSalesforceRules() {
        assertThrows(IllegalArgumentException.class, () -> ObjectSharing.of("Account", SharingModel.PRIVATE).withHierarchies(false));
        assertThrows(IllegalArgumentException.class, () -> ObjectSharing.of("Account", SharingModel.PUBLIC_READ_WRITE_TRANSFER));
        var defaults = dev.sfmcp.security.sharing.SharingSettings.salesforceDefaults();
        assertEquals(SharingModel.PUBLIC_READ_WRITE_TRANSFER, defaults.of("Case").model());
        assertEquals(SharingModel.PUBLIC_READ_ONLY, defaults.of("Opportunity").model());
        assertEquals(SharingModel.CONTROLLED_BY_PARENT, defaults.of("Contact").model());
        assertEquals(SharingModel.PUBLIC_READ_WRITE, defaults.of("Account").model());
        assertEquals(SharingModel.PUBLIC_FULL_ACCESS, defaults.of("Campaign").model());
        assertEquals(SharingModel.PRIVATE, org.security.sharing("Case").model(), "the fixture's setting wins");
        assertEquals(SharingModel.PUBLIC_READ_WRITE, org.security.sharing("Unknown__c").model());
        assertEquals(SharingModel.PUBLIC_READ_ONLY, SharingModel.parse("Read"));
        assertEquals(SharingModel.CONTROLLED_BY_PARENT, SharingModel.parse("Controlled by Parent"));
    }

    @Test
    void aSnapshotBringsDefinitionsBackWithTheEngine() {
        org.data.snapshot("base");
        org.security.snapshot("base");
        var support = org.security.user(org.id("support")).orElseThrow();
        org.security.putUser(support.withRole(org.id("role:SM West")));
        org.security.setSharing(ObjectSharing.of("Opportunity", SharingModel.PUBLIC_READ_WRITE));
        org.security.removeRule("R1");
        assertTrue(org.passes("Opportunity", "oppW1", org.security.viewFor(org.id("support"))
                .recordFilter("Opportunity", dev.sfmcp.soql.access.AccessLevel.EDIT)));
        org.data.restore("base");
        org.security.restore("base");
        assertEquals(SharingModel.PRIVATE, org.security.sharing("Opportunity").model());
        assertEquals(4, org.security.rules().size());
        assertFalse(org.passes("Opportunity", "oppW1", org.security.viewFor(org.id("support"))
                .recordFilter("Opportunity", dev.sfmcp.soql.access.AccessLevel.READ)));
        assertTrue(org.passes("Opportunity", "oppE1", org.security.viewFor(org.id("reader"))
                .recordFilter("Opportunity", dev.sfmcp.soql.access.AccessLevel.READ)), "R1's rows are back with the engine");
        assertThrows(IllegalArgumentException.class, () -> org.security.restore("missing"));
    }

    @Test
    void viewsAreCachedUntilSomethingChanges() {
        var first = org.security.viewFor(org.id("repWest"));
        assertSame(first, org.security.viewFor(org.id("repWest")));
        org.security.setSharing(ObjectSharing.of("Lead", SharingModel.PRIVATE));
        assertNotSame(first, org.security.viewFor(org.id("repWest")));
    }
}
