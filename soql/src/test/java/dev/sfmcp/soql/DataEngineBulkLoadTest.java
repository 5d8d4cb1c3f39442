package dev.sfmcp.soql;

import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.StandardObjects;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataEngineBulkLoadTest {

    private static final String USER = "005000000000001AAA";

    @Test
    void aLargeLoadBuildsTheIndexesAfterwardsAndQueriesAnswerTheSame() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC);
        try (DataEngine engine = new DataEngine(StandardObjects.schema(), clock, "00D00000000BULK")) {
            boolean[] nameIndexDuringLoad = new boolean[1];
            List<String> ids = engine.bulkLoad(Map.of("Account", 12_000, "Contact", 10), indexes -> {
                nameIndexDuringLoad[0] = hasIndex(engine, "Account_Name");
                assertTrue(hasIndex(engine, "Contact_AccountId"), "a small load keeps its indexes");
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < 12_000; i++) {
                    rows.add(Map.of("Name", "Bulk " + i, "Industry", i % 2 == 0 ? "Media" : "Retail"));
                }
                return engine.bulkInsert("Account", rows, USER);
            });
            assertFalse(nameIndexDuringLoad[0], "the Account indexes are dropped during the load");
            assertTrue(hasIndex(engine, "Account_Name"));
            assertEquals(12_000, ids.size());
            var result = engine.query(AccessView.system(USER, ZoneOffset.UTC, Locale.US),
                    "SELECT Id, Industry FROM Account WHERE Name = 'Bulk 11999'", false);
            assertEquals(1, result.get("totalSize").asInt());
            assertEquals(ids.get(11_999), result.get("records").get(0).get("Id").asText());
            assertEquals("Retail", result.get("records").get(0).get("Industry").asText());
        }
    }

    @Test
    void columnWiseRowsAreMadeReadyWithoutWritingAndThenStored() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC);
        try (DataEngine engine = new DataEngine(StandardObjects.schema(), clock, "00D00000000ROWS")) {
            List<Object[]> rows = List.of(new Object[] {"Ada", "Lovelace", null}, new Object[] {null, "Turing", "Engineer"});
            var ready = engine.prepareRows("Contact", List.of("FirstName", "LastName", "Title"), rows, USER);
            assertEquals(2, ready.ids().size());
            assertEquals(0, engine.database().count("Contact"), "made ready, nothing written yet");
            assertEquals(ready.ids(), engine.storeRows(ready));
            var result = engine.query(AccessView.system(USER, ZoneOffset.UTC, Locale.US),
                    "SELECT Id, Name, Title, OwnerId, CreatedDate FROM Contact ORDER BY Id", false).get("records");
            assertEquals(ready.ids().get(0), result.get(0).get("Id").asText());
            assertEquals("Ada Lovelace", result.get(0).get("Name").asText(), "derived fields are set");
            assertTrue(result.get(0).get("Title").isNull(), "a null value is a field not given");
            assertEquals("Turing", result.get(1).get("Name").asText());
            assertEquals("Engineer", result.get(1).get("Title").asText());
            assertEquals(USER, result.get(1).get("OwnerId").asText());
            assertEquals("2026-03-10T15:30:00.000+0000", result.get(1).get("CreatedDate").asText());

            SalesforceException unknown = assertThrows(SalesforceException.class,
                    () -> engine.prepareRows("Contact", List.of("LastName", "Nope__c"), rows, USER));
            assertEquals("INVALID_FIELD: No such column 'Nope__c' on sobject of type Contact", unknown.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> engine.prepareRows("Contact", List.of("LastName"), rows, USER), "a row of another width");
            assertEquals(2, engine.database().count("Contact"), "refused rows write nothing");
        }
    }

    private static boolean hasIndex(DataEngine engine, String name) {
        return engine.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }
}
