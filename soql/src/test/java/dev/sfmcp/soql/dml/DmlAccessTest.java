package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.testing.RestrictedView;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** DML and reads through hand-made restricted views: object, field and record restrictions answer the real errors. */
class DmlAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestOrg org;
    private String mine;
    private String theirs;

    @BeforeEach
    void seed() {
        org = new TestOrg();
        mine = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Mine\",\"OwnerId\":\"" + org.other + "\"}")).get("id").asText();
        org.engine.update(org.adminView(), "Account", mine, json("{\"OwnerId\":\"" + org.admin + "\"}"));
        theirs = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Theirs\",\"OwnerId\":\"" + org.other + "\"}")).get("id").asText();
    }

    @AfterEach
    void close() {
        org.close();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SalesforceError error(Executable call) {
        return assertThrows(SalesforceException.class, call).error();
    }

    @Test
    void anUnreadableObjectIsAMissingResource() {
        RestrictedView view = new RestrictedView(org.admin).hideObject("Account");
        assertEquals("NOT_FOUND", error(() -> org.engine.create(view, "Account", json("{\"Name\":\"x\"}"))).errorCode());
        assertEquals(404, error(() -> org.engine.retrieve(view, "Account", mine, null)).httpStatus());
        assertEquals("NOT_FOUND", error(() -> org.engine.describe(view, "Account")).errorCode());
        assertFalse(org.engine.describeGlobal(view).get("sobjects").toString().contains("\"name\":\"Account\""));
        assertEquals("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                error(() -> org.engine.create(view, "Contact", json("{\"LastName\":\"x\",\"AccountId\":\"" + mine + "\"}"))).errorCode(),
                "a lookup to an object the caller cannot read");
    }

    @Test
    void objectPermissionsGateEachOperation() {
        RestrictedView noCreate = new RestrictedView(org.admin).denyCreate("Account");
        SalesforceError e = error(() -> org.engine.create(noCreate, "Account", json("{\"Name\":\"x\"}")));
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", e.errorCode());
        assertEquals("insufficient access rights on object id", e.message());
        RestrictedView noEdit = new RestrictedView(org.admin).denyEdit("Account");
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", error(() -> org.engine.update(noEdit, "Account", mine, json("{\"Name\":\"y\"}"))).errorCode());
        RestrictedView noDelete = new RestrictedView(org.admin).denyDelete("Account");
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", error(() -> org.engine.delete(noDelete, "Account", mine)).errorCode());
        org.engine.update(noDelete, "Account", mine, json("{\"Name\":\"still editable\"}"));
    }

    @Test
    void hiddenFieldsDoNotExistAndReadOnlyFieldsCannotBeWritten() {
        RestrictedView view = new RestrictedView(org.admin).hideField("Account", "AnnualRevenue").readOnlyField("Account", "Rating");
        SalesforceError hidden = error(() -> org.engine.create(view, "Account", json("{\"Name\":\"x\",\"AnnualRevenue\":5}")));
        assertEquals(new SalesforceError("INVALID_FIELD", "No such column 'AnnualRevenue' on sobject of type Account", List.of(), 400), hidden);
        SalesforceError readOnly = error(() -> org.engine.update(view, "Account", mine, json("{\"Rating\":\"Hot\"}")));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", readOnly.errorCode());
        assertEquals(List.of("Rating"), readOnly.fields());
        JsonNode record = org.engine.retrieve(view, "Account", mine, null);
        assertFalse(record.has("AnnualRevenue"));
        assertTrue(record.has("Rating"));
        assertEquals("INVALID_FIELD", error(() -> org.engine.retrieve(view, "Account", mine, List.of("AnnualRevenue"))).errorCode());
        JsonNode describe = org.engine.describe(view, "Account");
        assertFalse(describe.get("fields").toString().contains("\"name\":\"AnnualRevenue\""));
        for (JsonNode f : describe.get("fields")) {
            if (f.get("name").asText().equals("Rating")) {
                assertFalse(f.get("updateable").asBoolean());
                assertFalse(f.get("createable").asBoolean());
            }
        }
    }

    @Test
    void recordsOutsideTheReadFilterAreNotFound() {
        RestrictedView view = new RestrictedView(org.admin).filter("Account", AccessLevel.READ, new RecordFilter.OwnerIn(Set.of(org.admin)));
        assertEquals("Mine", org.engine.retrieve(view, "Account", mine, List.of("Name")).get("Name").asText());
        SalesforceError e = error(() -> org.engine.retrieve(view, "Account", theirs, null));
        assertEquals(new SalesforceError("NOT_FOUND", "The requested resource does not exist", List.of(), 404), e);
        assertEquals("NOT_FOUND", error(() -> org.engine.update(view, "Account", theirs, json("{\"Name\":\"z\"}"))).errorCode());
        assertEquals("NOT_FOUND", error(() -> org.engine.delete(view, "Account", theirs)).errorCode());
    }

    @Test
    void readableButNotEditableRecordsAreReadOnly() {
        RestrictedView view = new RestrictedView(org.admin)
                .filter("Account", AccessLevel.READ, RecordFilter.ALL)
                .filter("Account", AccessLevel.EDIT, new RecordFilter.OwnerIn(Set.of(org.admin)))
                .filter("Account", AccessLevel.ALL, RecordFilter.NONE);
        SalesforceError e = error(() -> org.engine.update(view, "Account", theirs, json("{\"Name\":\"z\"}")));
        assertEquals(new SalesforceError("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id", List.of(), 400), e);
        org.engine.update(view, "Account", mine, json("{\"Name\":\"renamed\"}"));
        assertEquals("renamed", org.engine.retrieve(view, "Account", mine, List.of("Name")).get("Name").asText());
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", error(() -> org.engine.delete(view, "Account", mine)).errorCode(), "delete needs full access");
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", error(() -> org.engine.update(view, "Account", mine,
                json("{\"OwnerId\":\"" + org.other + "\"}"))).errorCode(), "a transfer needs full access");
        assertEquals("renamed", org.engine.retrieve(org.adminView(), "Account", mine, List.of("Name")).get("Name").asText());
    }

    @Test
    void fullAccessAllowsDeleteAndTransfer() {
        RestrictedView view = new RestrictedView(org.admin).filter("Account", AccessLevel.ALL, new RecordFilter.OwnerIn(Set.of(org.admin)));
        org.engine.update(view, "Account", mine, json("{\"OwnerId\":\"" + org.other + "\"}"));
        assertEquals(org.other, org.engine.retrieve(org.adminView(), "Account", mine, List.of("OwnerId")).get("OwnerId").asText());
        assertEquals("NOT_FOUND", error(() -> org.engine.delete(view, "Account", mine)).errorCode(), "no longer mine");
        org.engine.delete(view, "Account", org.engine.create(view, "Account", json("{\"Name\":\"new\"}")).get("id").asText());
    }

    @Test
    void aReferenceToAnInvisibleRecordIsInsufficientCrossReferenceAccess() {
        RestrictedView view = new RestrictedView(org.admin).filter("Account", AccessLevel.READ, new RecordFilter.OwnerIn(Set.of(org.admin)));
        SalesforceError e = error(() -> org.engine.create(view, "Contact", json("{\"LastName\":\"x\",\"AccountId\":\"" + theirs + "\"}")));
        assertEquals(new SalesforceError("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", "insufficient access rights on cross-reference id",
                List.of("AccountId"), 400), e);
        assertNotNull(org.engine.create(view, "Contact", json("{\"LastName\":\"x\",\"AccountId\":\"" + mine + "\"}")).get("id"));
    }
}
