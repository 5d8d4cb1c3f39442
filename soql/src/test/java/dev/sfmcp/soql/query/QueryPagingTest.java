package dev.sfmcp.soql.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query locators: batches of at most 2000, {@code nextRecordsUrl} only while not done, and stable pages. */
class QueryPagingTest {

    private static final int EXTRA = 4500;
    private static QueryTestOrg org;
    private static final AccessView ADMIN = AccessView.system(QueryTestOrg.U1, ZoneOffset.UTC, Locale.US);

    @BeforeAll
    static void open() throws SQLException {
        org = new QueryTestOrg();
        try (Connection c = org.database.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO \"Account\" (\"Id\", \"Name\", \"OwnerId\", \"Industry\") VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < EXTRA; i++) {
                ps.setString(1, QueryTestOrg.id("001", 1000 + i));
                ps.setString(2, String.format("Bulk %05d", i));
                ps.setString(3, i % 2 == 0 ? QueryTestOrg.U1 : QueryTestOrg.U2);
                ps.setString(4, "Retail");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterAll
    static void close() {
        org.close();
    }

    @Test
    void pagesThroughEveryRecordOnceInBatchesOf2000() {
        ObjectNode first = org.engine.query(ADMIN, "SELECT Id, Name FROM Account", QueryOptions.defaults());
        assertEquals(EXTRA + 6, first.get("totalSize").asInt());
        assertFalse(first.get("done").asBoolean());
        assertEquals(2000, first.get("records").size());
        String next = first.get("nextRecordsUrl").asText();
        assertTrue(next.matches("/services/data/v66\\.0/query/01g[0-9A-Za-z]{15}-2000"), next);

        Set<String> ids = new HashSet<>();
        first.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        ObjectNode second = org.engine.queryMore(ADMIN, next);
        assertEquals(EXTRA + 6, second.get("totalSize").asInt());
        assertEquals(2000, second.get("records").size());
        assertTrue(second.get("nextRecordsUrl").asText().endsWith("-4000"));
        second.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        ObjectNode third = org.engine.queryMore(ADMIN, second.get("nextRecordsUrl").asText());
        assertTrue(third.get("done").asBoolean());
        assertFalse(third.has("nextRecordsUrl"));
        assertEquals(506, third.get("records").size());
        third.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        assertEquals(EXTRA + 6, ids.size(), "every record exactly once");
    }

    @Test
    void batchSizeAndUserLimitShapeThePages() {
        ObjectNode first = org.engine.query(ADMIN, "SELECT Name FROM Account ORDER BY Name LIMIT 700",
                QueryOptions.defaults().withBatchSize(500));
        assertEquals(700, first.get("totalSize").asInt());
        assertEquals(500, first.get("records").size());
        assertTrue(first.get("nextRecordsUrl").asText().endsWith("-500"));
        ObjectNode rest = org.engine.queryMore(ADMIN, first.get("nextRecordsUrl").asText());
        assertEquals(200, rest.get("records").size());
        assertTrue(rest.get("done").asBoolean());
    }

    @Test
    void batchSizeIsClampedTo200AtLeast() {
        ObjectNode first = org.engine.query(ADMIN, "SELECT Name FROM Account", QueryOptions.defaults().withBatchSize(10));
        assertEquals(200, first.get("records").size());
    }

    @Test
    void childRowsAreNotLostAcrossPages() {
        ObjectNode first = org.engine.query(ADMIN, "SELECT Name, (SELECT LastName FROM Contacts) FROM Account"
                + " ORDER BY Name", QueryOptions.defaults());
        JsonNode acme = first.get("records").get(0);
        assertEquals("Acme", acme.get("Name").asText());
        assertEquals(2, acme.get("Contacts").get("totalSize").asInt());
    }

    @Test
    void aggregateResultsAreNotPaged() {
        ObjectNode out = org.engine.query(ADMIN, "SELECT Name, COUNT(Id) FROM Account GROUP BY Name",
                QueryOptions.defaults());
        assertEquals(EXTRA + 6, out.get("records").size());
        assertTrue(out.get("done").asBoolean());
    }

    @Test
    void unknownLocatorIsInvalid() {
        SalesforceException e = assertThrows(SalesforceException.class,
                () -> org.engine.queryMore(ADMIN, "/services/data/v66.0/query/01g000000000000AAA-2000"));
        assertEquals("INVALID_QUERY_LOCATOR", e.error().errorCode());
        assertEquals("Invalid query locator", e.error().message());
    }

    @Test
    void locatorBelongsToItsUser() {
        ObjectNode first = org.engine.query(ADMIN, "SELECT Id FROM Account", QueryOptions.defaults());
        AccessView bob = AccessView.system(QueryTestOrg.U2, ZoneOffset.UTC, Locale.US);
        assertThrows(SalesforceException.class, () -> org.engine.queryMore(bob, first.get("nextRecordsUrl").asText()));
    }

    @Test
    void childSubqueriesAreAnsweredForTheParentsOfEveryPage() {
        // The fixed org's Acme (A1) has two Contacts; the bulk Accounts have none. A batch of 200 puts Acme on the
        // first page, Globex (A2, one Contact) too: both pages must carry their own children, nulls elsewhere.
        String soql = "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account"
                + " WHERE Industry = 'Retail' OR Id IN ('" + QueryTestOrg.A1 + "', '" + QueryTestOrg.A2 + "')"
                + " ORDER BY Name";
        ObjectNode first = org.engine.query(ADMIN, soql, QueryOptions.defaults().withBatchSize(200));
        int withChildren = 0;
        int pages = 1;
        ObjectNode page = first;
        while (true) {
            for (JsonNode r : page.get("records")) {
                JsonNode contacts = r.get("Contacts");
                if (r.get("Name").asText().equals("Acme")) {
                    assertEquals(2, contacts.get("totalSize").asInt());
                    assertEquals("Able", contacts.get("records").get(0).get("LastName").asText());
                    withChildren++;
                } else if (r.get("Name").asText().equals("Globex")) {
                    assertEquals("Cole", contacts.get("records").get(0).get("LastName").asText());
                    withChildren++;
                } else {
                    assertTrue(contacts.isNull(), r.toString());
                }
            }
            if (page.get("done").asBoolean()) {
                break;
            }
            page = org.engine.queryMore(ADMIN, page.get("nextRecordsUrl").asText());
            pages++;
        }
        assertEquals(2, withChildren);
        assertEquals((EXTRA + 2 + 199) / 200, pages);
    }
}
