package dev.sfmcp.security.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may share what, and the errors when not, each record check made by the engine. */
class ManualSharingTest {

    private static TestOrg org;

    @BeforeAll
    static void build() {
        org = SalesOrg.build();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static RecordFilter fullAccess(String user, String sObject) {
        return org.security.viewFor(org.id(user)).recordFilter(sObject, AccessLevel.ALL);
    }

    @ParameterizedTest(name = "{0} shares {1} {2} with {3} at {4} -> {5}")
    @CsvSource({
            "repWest, Opportunity, oppW1, support, READ, OK",
            "mgrWest, Opportunity, oppW2, support, EDIT, OK",
            "admin, Opportunity, oppE1, support, ALL, OK",
            "repWest2, Opportunity, oppW1, support, READ, INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "repWest, Opportunity, oppE3, support, READ, INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "repWest, Lead, leadM, support, READ, INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "mgrEast, Lead, leadM, support, READ, FIELD_FILTER_VALIDATION_EXCEPTION",
            "mgrEast, Lead, leadM, support, EDIT, OK",
            "repWest, Opportunity, oppW1, 005000000000000AAA, READ, INVALID_CROSS_REFERENCE_KEY",
            "repWest, Contact, conW, support, READ, INVALID_TYPE",
            "repWest, Secret__c, secretW, Auditors, READ, OK",
    })
    void share(String sharer, String sObject, String record, String with, AccessLevel level, String expected) {
        try {
            ShareRow row = org.security.manualSharing().share(fullAccess(sharer, sObject), sObject, org.id(record), org.id(with), level);
            assertEquals("OK", expected);
            assertEquals(RowCause.MANUAL, row.rowCause());
            assertTrue(org.store.rows(sObject, org.id(record)).contains(row));
        } catch (SalesforceException e) {
            assertEquals(expected, e.error().errorCode(), e.error().message());
        }
    }

    @org.junit.jupiter.api.Test
    void aShareNotAboveTheDefaultNamesTheLevels() {
        SalesforceException e = assertThrows(SalesforceException.class, () -> org.security.manualSharing()
                .shareAsSystem("Lead", org.id("leadM"), org.id("support"), AccessLevel.READ));
        assertEquals("AccessLevel (Read) must be more permissive than the object's default access (Public Read Only)", e.error().message());
        assertEquals(java.util.List.of("AccessLevel"), e.error().fields());
    }

    @org.junit.jupiter.api.Test
    void resharingReplacesTheLevelAndUnsharingRemovesIt() {
        var sharing = org.security.manualSharing();
        sharing.share(fullAccess("repEast", "Opportunity"), "Opportunity", org.id("oppE1"), org.id("groupie"), AccessLevel.READ);
        sharing.share(fullAccess("repEast", "Opportunity"), "Opportunity", org.id("oppE1"), org.id("groupie"), AccessLevel.EDIT);
        long manual = org.store.rows("Opportunity", org.id("oppE1")).stream()
                .filter(r -> r.userOrGroupId().equals(org.id("groupie")) && r.rowCause().equals(RowCause.MANUAL)).count();
        assertEquals(1, manual);
        assertTrue(org.passes("Opportunity", "oppE1", org.security.viewFor(org.id("groupie")).recordFilter("Opportunity", AccessLevel.EDIT)));
        SalesforceException e = assertThrows(SalesforceException.class,
                () -> sharing.unshare(fullAccess("groupie", "Opportunity"), "Opportunity", org.id("oppE1"), org.id("groupie")));
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", e.error().errorCode());
        assertTrue(sharing.unshare(fullAccess("repEast", "Opportunity"), "Opportunity", org.id("oppE1"), org.id("groupie")));
        assertFalse(org.passes("Opportunity", "oppE1", org.security.viewFor(org.id("groupie")).recordFilter("Opportunity", AccessLevel.READ)));
    }
}
