package dev.sfmcp.soql.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engine behaviour the corpus cannot express: side effects, time zones, parameter binding. */
class QueryEngineTest {

    private QueryTestOrg org;
    private final AccessView admin = AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);

    @BeforeEach
    void open() {
        org = new QueryTestOrg();
    }

    @AfterEach
    void close() {
        org.close();
    }

    private String names(AccessView view, String soql) {
        StringBuilder out = new StringBuilder();
        org.engine.query(view, soql, QueryOptions.defaults()).get("records")
                .forEach(r -> out.append(out.length() == 0 ? "" : ",").append(r.get("Name").asText()));
        return out.toString();
    }

    @Test
    void forViewStampsLastViewedDateOnTheEngineClock() {
        assertEquals("", names(admin, "SELECT Name FROM Account WHERE LastViewedDate != null"));
        org.engine.query(admin, "SELECT Name FROM Account WHERE Id = '" + QueryTestOrg.A5 + "' FOR VIEW",
                QueryOptions.defaults());
        ObjectNode out = org.engine.query(admin, "SELECT Name, LastViewedDate, LastReferencedDate FROM Account"
                + " WHERE LastViewedDate != null", QueryOptions.defaults());
        assertEquals(1, out.get("totalSize").asInt());
        assertEquals("2024-05-15T12:00:00.000+0000", out.get("records").get(0).get("LastViewedDate").asText());
        assertTrue(out.get("records").get(0).get("LastReferencedDate").isNull());
    }

    @Test
    void forReferenceStampsLastReferencedDate() {
        org.engine.query(admin, "SELECT Name FROM Account WHERE Name = 'Globex' FOR REFERENCE", QueryOptions.defaults());
        assertEquals("Globex", names(admin, "SELECT Name FROM Account WHERE LastReferencedDate = TODAY"));
    }

    @Test
    void relativeDatesFollowTheViewersTimeZone() {
        // 2024-05-15T12:00Z is already May 16 in Kiritimati (UTC+14): Acme (May 15 08:00Z) and Globex
        // (May 14 10:00Z, midnight there) were created yesterday.
        AccessView farEast = AccessView.system(QueryTestOrg.U1, ZoneId.of("Pacific/Kiritimati"), Locale.US);
        assertEquals("Acme,Globex", names(farEast, "SELECT Name FROM Account WHERE CreatedDate = YESTERDAY"));
        assertEquals("", names(farEast, "SELECT Name FROM Account WHERE CreatedDate = TODAY"));
        AccessView pacific = AccessView.system(QueryTestOrg.U1, ZoneId.of("America/Los_Angeles"), Locale.US);
        assertEquals("Acme", names(pacific, "SELECT Name FROM Account WHERE CreatedDate = TODAY"));
    }

    @Test
    void convertTimezoneReadsDateFunctionsInTheUsersZone() {
        AccessView tokyo = AccessView.system(QueryTestOrg.U1, ZoneId.of("Asia/Tokyo"), Locale.US);
        AccessView pacific = AccessView.system(QueryTestOrg.U1, ZoneId.of("America/Los_Angeles"), Locale.US);
        String grouped = "SELECT HOUR_IN_DAY(convertTimezone(CreatedDate)) h, COUNT(Id) FROM Account WHERE Name = 'Acme'"
                + " GROUP BY HOUR_IN_DAY(convertTimezone(CreatedDate))";
        // Acme was created 2024-05-15T08:00Z: 17:00 in Tokyo, 01:00 in Los Angeles (daylight time), 8 in UTC.
        assertEquals(17, org.engine.query(tokyo, grouped, QueryOptions.defaults()).get("records").get(0).get("h").asInt());
        assertEquals(1, org.engine.query(pacific, grouped, QueryOptions.defaults()).get("records").get(0).get("h").asInt());
        assertEquals("Acme", names(tokyo, "SELECT Name FROM Account WHERE HOUR_IN_DAY(convertTimezone(CreatedDate)) = 17"));
        assertEquals("Acme", names(tokyo, "SELECT Name FROM Account WHERE HOUR_IN_DAY(CreatedDate) = 8"));
        // Umbrella, created 2023-12-31T23:00Z, is already in 2024 in Tokyo.
        assertEquals("Umbrella", names(tokyo, "SELECT Name FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2023"));
        assertEquals("", names(tokyo, "SELECT Name FROM Account WHERE CALENDAR_YEAR(convertTimezone(CreatedDate)) = 2023"));
        assertEquals("Umbrella", names(tokyo, "SELECT Name FROM Account WHERE DAY_ONLY(convertTimezone(CreatedDate))"
                + " = 2024-01-01"));
    }

    @Test
    void weeksStartOnTheLocalesFirstDay() {
        // Sunday 2024-05-12 is in this week for en_US (weeks start Sunday) but in last week for fr_FR (Monday).
        AccessView french = AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.FRANCE);
        assertEquals("acme labs", names(french, "SELECT Name FROM Account WHERE CreatedDate = LAST_WEEK"));
        assertEquals("", names(admin, "SELECT Name FROM Account WHERE CreatedDate = LAST_WEEK"));
    }

    @Test
    void literalsAreBoundNeverSpliced() {
        String soql = "SELECT Name FROM Account WHERE Name = 'x\\'; DROP TABLE \"Account\"; --'";
        CompiledQuery plan = org.engine.plan(admin, soql, QueryOptions.defaults());
        assertFalse(plan.sql().contains("DROP"), plan.sql());
        assertTrue(plan.parameters().contains("x'; DROP TABLE \"Account\"; --"));
        assertEquals(0, org.engine.query(admin, soql, QueryOptions.defaults()).get("totalSize").asInt());
        assertEquals(6, org.engine.query(admin, "SELECT COUNT() FROM Account", QueryOptions.defaults())
                .get("totalSize").asInt());
    }

    @Test
    void likeWildcardsInValuesAreEscapedForIncludes() {
        // '%' in a multi-select value must not act as a wildcard.
        assertEquals("", names(admin, "SELECT Name FROM Project__c WHERE Tags__c INCLUDES ('%')"));
    }

    @Test
    void securityClausesCanBeRejected() {
        QueryOptions strict = QueryOptions.defaults().withSecurityClauses(false);
        SalesforceException e = assertThrows(SalesforceException.class,
                () -> org.engine.query(admin, "SELECT Id FROM Account WITH SECURITY_ENFORCED", strict));
        assertEquals("\nSELECT Id FROM Account WITH SECURITY_ENFORCED\n                       ^\n"
                + "ERROR at Row:1:Column:24\nunexpected token: 'WITH'", e.error().message());
        assertEquals(6, org.engine.query(admin, "SELECT Id FROM Account WITH USER_MODE", QueryOptions.defaults())
                .get("totalSize").asInt());
    }

    @Test
    void queriesSeeRecordsWrittenThroughDml() {
        com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode().put("Name", "Written Through DML").put("Industry", "Energy");
        String id = org.data.create(admin, "Account", body).get("id").asText();
        ObjectNode found = org.data.query(admin, "SELECT Id, Name, Owner.Alias FROM Account WHERE Industry = 'Energy'",
                false);
        assertEquals(id, found.get("records").get(0).get("Id").asText());
        assertEquals("alice", found.get("records").get(0).get("Owner").get("Alias").asText());
        org.data.delete(admin, "Account", id);
        assertEquals(0, org.data.query(admin, "SELECT COUNT() FROM Account WHERE Industry = 'Energy'", false)
                .get("totalSize").asInt());
        assertEquals(1, org.data.query(admin, "SELECT COUNT() FROM Account WHERE Industry = 'Energy'", true)
                .get("totalSize").asInt());
    }

    @Test
    void dataEngineAnswersSearch() {
        ObjectNode found = org.data.search(admin, "FIND {Globex} RETURNING Account(Name)");
        assertEquals("Globex", found.get("searchRecords").get(0).get("Name").asText());
    }

    @Test
    void statementsOverTheLengthLimitAreMalformed() {
        String soql = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(100_001) + "'";
        SalesforceException e = assertThrows(SalesforceException.class,
                () -> org.engine.query(admin, soql, QueryOptions.defaults()));
        assertEquals("MALFORMED_QUERY", e.error().errorCode());
    }
}
