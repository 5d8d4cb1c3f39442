package dev.sfmcp.security.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.security.sharing.RowCause;
import dev.sfmcp.security.testorg.SalesOrg;
import dev.sfmcp.security.testorg.TestOrg;
import dev.sfmcp.security.view.AccessGrant;
import dev.sfmcp.security.view.AccessReason;
import dev.sfmcp.soql.access.AccessLevel;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "Why can this user see this record?" and "who can?", answered by the engine's evaluation of each grant. */
class AccessExplainerTest {

    private static TestOrg org;

    @BeforeAll
    static void build() {
        org = SalesOrg.build();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    @ParameterizedTest(name = "{0} on {2}: {3} via {4}")
    @CsvSource({
            "repWest, Opportunity, oppW1, ALL, OWNER",
            "mgrWest, Opportunity, oppW2, ALL, ROLE_HIERARCHY",
            "mgrWest, Opportunity, oppE2, READ, SHARE_ROW",
            "repWest, Opportunity, oppE2, READ, IMPLICIT_CHILD",
            "repWest, Account, accEast, READ, IMPLICIT_PARENT",
            "groupie, Account, accWest, READ, SHARING_RULE",
            "auditor, Opportunity, oppE1, READ, VIEW_ALL",
            "modifier, Opportunity, oppE1, ALL, MODIFY_ALL",
            "dataViewer, Opportunity, oppE1, READ, VIEW_ALL_DATA",
            "admin, Secret__c, secretE, ALL, MODIFY_ALL_DATA",
            "repWest, Lead, leadM, READ, ORG_WIDE_DEFAULT",
            "repWest, Contact, conW, ALL, CONTROLLED_BY_PARENT",
            "repWest2, Secret__c, secretW, EDIT, SHARE_ROW",
    })
    void explainsTheHighestLevelAndItsReason(String user, String sObject, String record, AccessLevel max, AccessReason reason) {
        AccessExplanation e = org.security.explainer().explain(org.id(user), sObject, org.id(record));
        assertEquals(max, e.maxAccess());
        assertTrue(e.readGrants().stream().map(AccessGrant::reason).anyMatch(reason::equals), e.readGrants().toString());
    }

    @Test
    void namesTheShareRowsInvolved() {
        AccessExplanation e = org.security.explainer().explain(org.id("reader"), "Opportunity", org.id("oppE1"));
        assertEquals(1, e.shareRows().size());
        assertEquals(RowCause.RULE, e.shareRows().get(0).rowCause());
        AccessExplanation m = org.security.explainer().explain(org.id("mgrWest"), "Opportunity", org.id("oppE2"));
        assertEquals(RowCause.MANUAL, m.shareRows().get(0).rowCause());
    }

    @Test
    void anInvisibleRecordHasNoReason() {
        AccessExplanation e = org.security.explainer().explain(org.id("support"), "Opportunity", org.id("oppW1"));
        assertNull(e.maxAccess());
        assertFalse(e.canRead());
        assertTrue(e.readGrants().isEmpty());
        AccessExplanation noObject = org.security.explainer().explain(org.id("minimal"), "Opportunity", org.id("oppW1"));
        assertFalse(noObject.objectReadable());
    }

    @Test
    void listsWhoCanSeeARecordWithTheirLevel() {
        Map<String, AccessLevel> who = org.security.explainer().whoCanAccess("Opportunity", org.id("oppE2"), AccessLevel.READ)
                .stream().collect(Collectors.toMap(UserAccess::userId, UserAccess::maxAccess));
        assertEquals(AccessLevel.ALL, who.get(org.id("repEast")));
        assertEquals(AccessLevel.ALL, who.get(org.id("mgrEast")));
        assertEquals(AccessLevel.READ, who.get(org.id("mgrWest")));
        assertEquals(AccessLevel.READ, who.get(org.id("repWest")));
        assertEquals(AccessLevel.READ, who.get(org.id("auditor")));
        assertEquals(AccessLevel.ALL, who.get(org.id("admin")));
        for (String absent : Set.of("repWest2", "support", "groupie", "minimal", "inactive", "transferrer")) {
            assertFalse(who.containsKey(org.id(absent)), absent);
        }
        Set<String> editors = org.security.explainer().whoCanAccess("Opportunity", org.id("oppE2"), AccessLevel.EDIT)
                .stream().map(UserAccess::userId).collect(Collectors.toSet());
        assertFalse(editors.contains(org.id("mgrWest")));
        assertTrue(editors.contains(org.id("modifier")));
    }
}
