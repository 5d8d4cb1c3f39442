package dev.sfmcp.security.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Share rows follow the changes that govern them, in the change's own transaction. */
class SharingRecalculationTest {

    private TestOrg org;

    @BeforeEach
    void build() {
        org = SalesOrg.build();
    }

    @AfterEach
    void close() {
        org.close();
    }

    private boolean sees(String user, String sObject, String record) {
        AccessView view = org.security.viewFor(org.id(user));
        return org.passes(sObject, record, view.recordFilter(sObject, AccessLevel.READ));
    }

    private List<ShareRow> rows(String sObject, String record, String cause) {
        return org.store.rows(sObject, org.id(record)).stream().filter(r -> r.rowCause().equals(cause)).toList();
    }

    @Test
    void aCriteriaFieldChangeAddsAndRemovesRuleRows() {
        assertFalse(sees("reader", "Opportunity", "oppW1"));
        org.update("Opportunity", "oppW1", Map.of("StageName", "Closed Won"));
        assertEquals(1, rows("Opportunity", "oppW1", RowCause.RULE).size());
        assertTrue(sees("reader", "Opportunity", "oppW1"));
        org.update("Opportunity", "oppW1", Map.of("StageName", "Closed Lost"));
        assertEquals(List.of(), rows("Opportunity", "oppW1", RowCause.RULE));
        assertFalse(sees("reader", "Opportunity", "oppW1"));
    }

    @Test
    void anUnrelatedFieldChangeLeavesRuleRowsAlone() {
        List<ShareRow> before = rows("Opportunity", "oppE1", RowCause.RULE);
        org.update("Opportunity", "oppE1", Map.of("Description", "still won"));
        assertEquals(before, rows("Opportunity", "oppE1", RowCause.RULE));
    }

    @Test
    void anOwnerChangeDropsManualSharesAndMovesOwnerAccess() {
        assertTrue(sees("mgrWest", "Opportunity", "oppE2"));
        assertEquals(1, rows("Opportunity", "oppE2", RowCause.MANUAL).size());
        org.update("Opportunity", "oppE2", Map.of("OwnerId", "support"));
        assertEquals(List.of(), rows("Opportunity", "oppE2", RowCause.MANUAL));
        assertTrue(sees("support", "Opportunity", "oppE2"));
        assertFalse(sees("repEast", "Opportunity", "oppE2"));
        // the new owner's role is outside the sales hierarchy: the former owner's managers lose it too
        assertFalse(sees("mgrEast", "Opportunity", "oppE2"));
    }

    @Test
    void anOwnerChangeMovesOwnerBasedRuleAccessWithoutRows() {
        assertTrue(sees("groupie", "Account", "accWest"));
        org.update("Account", "accWest", Map.of("OwnerId", "ceo"));
        assertFalse(sees("groupie", "Account", "accWest"));
        org.update("Account", "accEast", Map.of("OwnerId", "repWest2"));
        assertTrue(sees("groupie", "Account", "accEast"));
    }

    @Test
    void aNewRuleSharesMatchingRecordsAndItsRemovalTakesThemBack() {
        String support = org.security.role(org.id("role:Support")).orElseThrow().groupId();
        assertFalse(sees("support", "Opportunity", "oppW1"));
        org.security.putRule(new SharingRule.CriteriaBased("R9", "ProspectsToSupport", "Opportunity",
                List.of(Criterion.equals("StageName", "Prospecting")), support, AccessLevel.EDIT));
        assertTrue(sees("support", "Opportunity", "oppW1"));
        assertTrue(sees("support", "Opportunity", "oppW2"));
        assertFalse(sees("support", "Opportunity", "oppE1"));
        assertTrue(org.passes("Opportunity", "oppW1", org.security.viewFor(org.id("support")).recordFilter("Opportunity", AccessLevel.EDIT)));
        org.security.removeRule("R9");
        assertFalse(sees("support", "Opportunity", "oppW1"));
        // R1's rows, to another group, are untouched
        assertEquals(1, rows("Opportunity", "oppE1", RowCause.RULE).size());
    }

    @Test
    void twoRulesToOneGroupKeepTheHigherLevel() {
        String east = org.security.role(org.id("role:Rep East")).orElseThrow().groupId();
        org.security.putRule(new SharingRule.CriteriaBased("R8", "BigToEast", "Opportunity",
                List.of(new Criterion("Amount", Criterion.Operator.GREATER_OR_EQUAL, List.of("300"))), east, AccessLevel.EDIT));
        List<ShareRow> e1 = rows("Opportunity", "oppE1", RowCause.RULE);
        assertEquals(1, e1.size());
        assertEquals(AccessLevel.EDIT, e1.get(0).accessLevel());
        assertTrue(sees("reader", "Opportunity", "oppE3"));
        assertFalse(sees("reader", "Opportunity", "oppW2"));
    }

    @Test
    void aRoleMoveChangesAccessAtOnce() {
        assertFalse(sees("support", "Opportunity", "oppW1"));
        var support = org.security.user(org.id("support")).orElseThrow();
        org.security.putUser(support.withRole(org.id("role:SM West")));
        assertTrue(sees("support", "Opportunity", "oppW1"));
    }

    @Test
    void openingTheDefaultDropsTheRowsItMakesPointless() {
        org.security.setSharing(ObjectSharing.of("Opportunity", SharingModel.PUBLIC_READ_WRITE));
        assertEquals(List.of(), rows("Opportunity", "oppE1", RowCause.RULE));
        assertEquals(List.of(), rows("Opportunity", "oppE2", RowCause.MANUAL));
        assertTrue(sees("support", "Opportunity", "oppW1"));
        org.security.setSharing(ObjectSharing.of("Opportunity", SharingModel.PRIVATE));
        assertEquals(1, rows("Opportunity", "oppE1", RowCause.RULE).size(), "rules come back with Private");
        assertFalse(sees("support", "Opportunity", "oppW1"));
    }
}
