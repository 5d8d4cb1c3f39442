package dev.sfmcp.soql.dml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Create, retrieve, update and delete through the unrestricted view: REST shapes, derived and system fields, the recycle bin. */
class RecordLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    private JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void createAnswersTheRestBodyAndRetrieveShapesTheRecord() {
        ObjectNode created = org.engine.create(org.adminView(), "account", json("""
                {"Name":"Acme","Industry":"media","AnnualRevenue":"1500000.5","NumberOfEmployees":120,
                 "BillingCity":"Paris","BillingCountry":"France","Active__c":true}"""));
        String id = created.get("id").asText();
        assertEquals(18, id.length());
        assertTrue(id.startsWith("001"));
        assertTrue(created.get("success").asBoolean());
        assertEquals(0, created.get("errors").size());

        ObjectNode record = org.engine.retrieve(org.adminView(), "Account", id, null);
        assertEquals("Account", record.get("attributes").get("type").asText());
        assertEquals("/services/data/v66.0/sobjects/Account/" + id, record.get("attributes").get("url").asText());
        assertEquals(id, record.get("Id").asText());
        assertEquals("Media", record.get("Industry").asText(), "picklist values are stored in their setup spelling");
        assertEquals(1500001.0, record.get("AnnualRevenue").asDouble(), "rounded to the field scale (0)");
        assertEquals(120, record.get("NumberOfEmployees").asInt());
        assertEquals("2026-03-10T15:30:00.000+0000", record.get("CreatedDate").asText());
        assertEquals(org.admin, record.get("OwnerId").asText());
        assertEquals(org.admin, record.get("CreatedById").asText());
        assertFalse(record.get("IsDeleted").asBoolean());
        assertTrue(record.get("Active__c").asBoolean());
        assertEquals("Paris", record.get("BillingAddress").get("city").asText());
        assertTrue(record.get("ShippingAddress").isNull());
        assertTrue(record.get("Phone").isNull());
        List<String> names = JSON.convertValue(record, java.util.Map.class).keySet().stream().map(Object::toString).toList();
        assertEquals("attributes", names.get(0));
        assertEquals("Id", names.get(1));
    }

    @Test
    void retrieveWithAFieldListKeepsItsOrderAndRejectsUnknownFields() {
        String id = org.engine.create(org.adminView(), "Contact", json("{\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"Birthdate\":\"1815-12-10\"}")).get("id").asText();
        ObjectNode record = org.engine.retrieve(org.adminView(), "Contact", id, List.of("name", "Birthdate"));
        assertEquals(List.of("attributes", "Name", "Birthdate"), fieldNames(record));
        assertEquals("Ada Lovelace", record.get("Name").asText());
        assertEquals("1815-12-10", record.get("Birthdate").asText());
        SalesforceException e = assertThrows(SalesforceException.class,
                () -> org.engine.retrieve(org.adminView(), "Contact", id, List.of("Name", "Shoe_Size__c")));
        assertEquals("INVALID_FIELD", e.error().errorCode());
        assertTrue(e.error().message().startsWith("No such column 'Shoe_Size__c' on entity 'Contact'."), e.error().message());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void updateKeepsAuditFieldsAndRecomputesDerivedFields() {
        String id = org.engine.create(org.adminView(), "Opportunity", json(
                "{\"Name\":\"Deal\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2026-06-30\",\"Amount\":1000}")).get("id").asText();
        ObjectNode before = org.engine.retrieve(org.adminView(), "Opportunity", id, null);
        assertEquals(10.0, before.get("Probability").asDouble());
        assertEquals(100.0, before.get("ExpectedRevenue").asDouble());
        assertFalse(before.get("IsClosed").asBoolean());

        org.clock.advance(Duration.ofHours(2));
        org.engine.update(org.adminView(), "Opportunity", id, json("{\"StageName\":\"Closed Won\"}"));
        ObjectNode after = org.engine.retrieve(org.adminView(), "Opportunity", id, null);
        assertTrue(after.get("IsClosed").asBoolean());
        assertTrue(after.get("IsWon").asBoolean());
        assertEquals(100.0, after.get("Probability").asDouble());
        assertEquals("Closed", after.get("ForecastCategoryName").asText());
        assertEquals(before.get("CreatedDate"), after.get("CreatedDate"));
        assertEquals("2026-03-10T17:30:00.000+0000", after.get("LastModifiedDate").asText());
        assertEquals("2026-03-10T17:30:00.000+0000", after.get("SystemModstamp").asText());
    }

    @Test
    void casesGetNumbersDefaultsAndClosure() {
        String first = org.engine.create(org.adminView(), "Case", json("{\"Subject\":\"Broken\"}")).get("id").asText();
        String second = org.engine.create(org.adminView(), "Case", json("{\"Subject\":\"Still broken\",\"Status\":\"Closed\"}")).get("id").asText();
        ObjectNode a = org.engine.retrieve(org.adminView(), "Case", first, null);
        ObjectNode b = org.engine.retrieve(org.adminView(), "Case", second, null);
        assertEquals("00001000", a.get("CaseNumber").asText());
        assertEquals("00001001", b.get("CaseNumber").asText());
        assertEquals("New", a.get("Status").asText());
        assertEquals("Medium", a.get("Priority").asText());
        assertFalse(a.get("IsClosed").asBoolean());
        assertTrue(b.get("IsClosed").asBoolean());
        assertEquals("2026-03-10T15:30:00.000+0000", b.get("ClosedDate").asText());
    }

    @Test
    void bulkLoadedReferencesAreStoredAsEighteenCharacterIds() {
        String account = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"A\"}")).get("id").asText();
        String contact = org.engine.bulkInsert("Contact", List.of(java.util.Map.of("LastName", "L", "AccountId", account.substring(0, 15))), org.admin).get(0);
        assertEquals(account, org.engine.retrieve(org.adminView(), "Contact", contact, List.of("AccountId")).get("AccountId").asText());
        assertEquals(account, org.engine.related(org.adminView(), "Contact", contact, "Account", List.of("Id")).get("Id").asText());
    }

    @Test
    void multiPicklistValuesAreStoredInSetupOrderJoinedBySemicolons() {
        String id = org.engine.create(org.adminView(), "Invoice__c", json("{\"Name\":\"I\",\"Tags__c\":\"late;URGENT;Custom\"}")).get("id").asText();
        assertEquals("Urgent;Late;Custom", org.engine.retrieve(org.adminView(), "Invoice__c", id, List.of("Tags__c")).get("Tags__c").asText());
    }

    @Test
    void deleteGoesToTheRecycleBinCascadesAndIsPurgedAfterFifteenDays() {
        String account = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"Parent\"}")).get("id").asText();
        String contact = org.engine.create(org.adminView(), "Contact", json("{\"LastName\":\"Child\",\"AccountId\":\"" + account + "\"}")).get("id").asText();
        String invoice = org.engine.create(org.adminView(), "Invoice__c", json("{\"Name\":\"I\",\"Account__c\":\"" + account + "\"}")).get("id").asText();

        org.engine.delete(org.adminView(), "Account", account);

        assertEquals("NOT_FOUND", assertThrows(SalesforceException.class,
                () -> org.engine.retrieve(org.adminView(), "Contact", contact, null)).error().errorCode(), "cascade delete");
        assertTrue(org.engine.retrieve(org.adminView(), "Invoice__c", invoice, null).get("Account__c").isNull(), "a plain lookup is cleared");
        assertEquals(2, countDeleted());

        org.clock.advance(Duration.ofDays(14));
        assertEquals(0, org.engine.purgeRecycleBin());
        org.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(2, org.engine.purgeRecycleBin());
        assertEquals(0, countDeleted());
    }

    private long countDeleted() {
        return org.engine.database().read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT (SELECT COUNT(*) FROM \"Account\" WHERE \"IsDeleted\") + (SELECT COUNT(*) FROM \"Contact\" WHERE \"IsDeleted\")")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void recentlyViewedRecordsAreListedNewestFirstPerUser() {
        String a = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"A\"}")).get("id").asText();
        String b = org.engine.create(org.adminView(), "Account", json("{\"Name\":\"B\"}")).get("id").asText();
        org.engine.markUsed(org.adminView(), "Account", List.of(a), RecentUse.VIEW);
        org.clock.advance(Duration.ofMinutes(1));
        org.engine.markUsed(org.adminView(), "Account", List.of(b), RecentUse.REFERENCE);
        var items = org.engine.recentItems(org.adminView(), "Account", 10);
        assertEquals(2, items.size());
        assertEquals(b, items.get(0).get("Id").asText());
        assertEquals("B", items.get(0).get("Name").asText());
        assertEquals("2026-03-10T15:30:00.000+0000", org.engine.retrieve(org.adminView(), "Account", a, List.of("LastViewedDate")).get("LastViewedDate").asText());
        var otherUser = dev.sfmcp.soql.access.AccessView.system(org.other, java.time.ZoneOffset.UTC, java.util.Locale.US);
        assertEquals(0, org.engine.recentItems(otherUser, "Account", 10).size());
    }
}
