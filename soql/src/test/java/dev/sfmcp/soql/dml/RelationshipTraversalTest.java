package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.testing.RestrictedView;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** REST relationship traversal: child-to-parent up to five levels, parent-to-child one level, 404 versus empty. */
class RelationshipTraversalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestOrg org;
    private String parentAccount;
    private String account;
    private String contact;
    private String lonelyContact;

    @BeforeEach
    void seed() {
        org = new TestOrg();
        parentAccount = create("Account", "{\"Name\":\"Holding\"}");
        account = create("Account", "{\"Name\":\"Acme\",\"ParentId\":\"" + parentAccount + "\"}");
        contact = create("Contact", "{\"LastName\":\"Doe\",\"AccountId\":\"" + account + "\"}");
        lonelyContact = create("Contact", "{\"LastName\":\"Alone\"}");
    }

    @AfterEach
    void close() {
        org.close();
    }

    private String create(String object, String body) {
        return org.engine.create(org.adminView(), object, json(body)).get("id").asText();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String errorCode(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(SalesforceException.class, call).error().errorCode();
    }

    @Test
    void childToParentReturnsTheParentRecord() {
        JsonNode owner = org.engine.related(org.adminView(), "Contact", contact, "Account/Parent/Owner", List.of("LastName"));
        assertEquals("User", owner.get("attributes").get("type").asText());
        assertEquals("Admin", owner.get("LastName").asText());
        JsonNode parent = org.engine.related(org.adminView(), "contact", contact, "account/parent", null);
        assertEquals(parentAccount, parent.get("Id").asText());
    }

    @Test
    void noRelatedRecordIsNotFound() {
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(org.adminView(), "Contact", lonelyContact, "Account", null)));
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(org.adminView(), "Contact", contact, "Nowhere", null)));
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(org.adminView(), "Contact", contact, "Account/Contacts/Account", null)),
                "parent-to-child only as the last step");
    }

    @Test
    void parentToChildListsTheChildrenAndAnEmptyListIsNotAnError() {
        JsonNode contacts = org.engine.related(org.adminView(), "Account", account, "Contacts", List.of("LastName"));
        assertEquals(1, contacts.get("totalSize").asInt());
        assertTrue(contacts.get("done").asBoolean());
        assertEquals("Doe", contacts.get("records").get(0).get("LastName").asText());
        JsonNode none = org.engine.related(org.adminView(), "Account", parentAccount, "Contacts", null);
        assertEquals(0, none.get("totalSize").asInt());
        assertEquals(0, none.get("records").size());
        JsonNode children = org.engine.related(org.adminView(), "Account", parentAccount, "ChildAccounts", List.of("Name"));
        assertEquals("Acme", children.get("records").get(0).get("Name").asText());
    }

    @Test
    void fiveLevelsAtMost() {
        String a1 = create("Account", "{\"Name\":\"L1\"}");
        String a2 = create("Account", "{\"Name\":\"L2\",\"ParentId\":\"" + a1 + "\"}");
        String a3 = create("Account", "{\"Name\":\"L3\",\"ParentId\":\"" + a2 + "\"}");
        String a4 = create("Account", "{\"Name\":\"L4\",\"ParentId\":\"" + a3 + "\"}");
        String a5 = create("Account", "{\"Name\":\"L5\",\"ParentId\":\"" + a4 + "\"}");
        String c = create("Contact", "{\"LastName\":\"Deep\",\"AccountId\":\"" + a5 + "\"}");
        assertEquals("L1", org.engine.related(org.adminView(), "Contact", c, "Account/Parent/Parent/Parent/Parent", List.of("Name")).get("Name").asText());
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(org.adminView(), "Contact", c, "Account/Parent/Parent/Parent/Parent/Owner", null)));
    }

    @Test
    void updateAndDeleteReachTheParent() {
        org.engine.updateRelated(org.adminView(), "Contact", contact, "Account", json("{\"Rating\":\"Hot\"}"));
        assertEquals("Hot", org.engine.retrieve(org.adminView(), "Account", account, List.of("Rating")).get("Rating").asText());
        assertEquals("METHOD_NOT_ALLOWED", errorCode(() -> org.engine.updateRelated(org.adminView(), "Account", account, "Contacts", json("{}"))));
        org.engine.deleteRelated(org.adminView(), "Account", account, "Parent");
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.retrieve(org.adminView(), "Account", parentAccount, null)));
    }

    @Test
    void invisibleRecordsAlongThePathAreNotFoundAndInvisibleChildrenAreLeftOut() {
        RestrictedView view = new RestrictedView(org.admin)
                .filter("Account", AccessLevel.READ, new RecordFilter.OwnerIn(Set.of(org.other)));
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(view, "Contact", contact, "Account", null)));
        RestrictedView noContacts = new RestrictedView(org.admin).filter("Contact", AccessLevel.READ, RecordFilter.NONE);
        assertEquals(0, org.engine.related(noContacts, "Account", account, "Contacts", null).get("totalSize").asInt());
        RestrictedView hiddenObject = new RestrictedView(org.admin).hideObject("Contact");
        assertEquals("NOT_FOUND", errorCode(() -> org.engine.related(hiddenObject, "Account", account, "Contacts", null)));
    }
}
