package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.StandardObjects;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class OrgDatabaseTest {

    @Test
    void createsOneTablePerObjectWithDescribeNamedColumnsAndShareTables() throws Exception {
        try (OrgDatabase db = new OrgDatabase(StandardObjects.schema(), "00D000000000001")) {
            Map<String, String> columns = db.read(c -> {
                Map<String, String> out = new HashMap<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "Account", null)) {
                    while (rs.next()) {
                        out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                    }
                }
                return out;
            });
            assertEquals("CHARACTER VARYING", columns.get("Id"));
            assertEquals("VARCHAR_IGNORECASE", columns.get("Name"));
            assertEquals("BOOLEAN", columns.get("IsDeleted"));
            assertEquals("TIMESTAMP", columns.get("CreatedDate"));
            assertEquals("DECIMAL", columns.get("AnnualRevenue"));
            assertTrue(columns.containsKey("BillingCity"));
            assertFalse(columns.containsKey("BillingAddress"));
            assertEquals(0, db.count("AccountShare"));
            assertEquals(0, db.count("GroupMember"));
        }
    }

    @Test
    void aBulkLoadDropsTheSecondaryIndexesAndBuildsThemAgainEvenWhenItFails() {
        try (OrgDatabase db = new OrgDatabase(StandardObjects.schema(), "00D000000000002")) {
            SObjectType account = db.schema().find("Account").orElseThrow();
            Set<String> before = indexes(db);
            assertTrue(before.contains("Account_Name"), before.toString());
            assertTrue(before.contains("Account_OwnerId"), before.toString());
            Set<String> during = db.withoutSecondaryIndexes(List.of(account), deferred -> indexes(db));
            assertFalse(during.contains("Account_Name"), during.toString());
            assertTrue(during.contains("Contact_AccountId"), "other objects keep theirs: " + during);
            assertEquals(before, indexes(db));
            assertThrows(IllegalStateException.class, () -> db.withoutSecondaryIndexes(List.of(account), deferred -> {
                throw new IllegalStateException("load failed");
            }));
            assertEquals(before, indexes(db));
        }
    }

    @Test
    void aTableDeclaredLoadedGetsItsIndexesBackWhileTheLoadGoesOnWithOthers() {
        try (OrgDatabase db = new OrgDatabase(StandardObjects.schema(), "00D000000000003")) {
            SObjectType account = db.schema().find("Account").orElseThrow();
            SObjectType contact = db.schema().find("Contact").orElseThrow();
            Set<String> before = indexes(db);
            int inserted = db.withoutSecondaryIndexes(List.of(account, contact), deferred -> {
                assertTrue(deferred.deferred("Account"));
                deferred.loaded("account");
                assertFalse(deferred.deferred("Account"), "on its way back");
                assertTrue(deferred.deferred("Contact"), "still loading");
                deferred.loaded("Account"); // a second word for the same table changes nothing
                return db.inTransaction(c -> c.createStatement().executeUpdate(
                        "INSERT INTO \"Contact\" (\"Id\", \"LastName\", \"IsDeleted\") VALUES ('003000000000001AAA', 'Loaded', FALSE)"));
            });
            assertEquals(1, inserted);
            assertEquals(before, indexes(db), "every index back when the load returns");
            assertEquals(1, db.count("Contact"));
        }
    }

    @Test
    void aFailedIndexBuildIsReportedAndTheOtherIndexesStillComeBack() {
        try (OrgDatabase db = new OrgDatabase(StandardObjects.schema(), "00D000000000004")) {
            SObjectType account = db.schema().find("Account").orElseThrow();
            Set<String> before = indexes(db);
            StorageException e = assertThrows(StorageException.class, () -> db.withoutSecondaryIndexes(List.of(account), deferred -> {
                // someone takes the name of one of the dropped indexes: its rebuild must fail, loudly
                return db.read(c -> c.createStatement().execute("CREATE INDEX \"Account_Name\" ON \"Account\" (\"Phone\")"));
            }));
            assertTrue(e.getMessage().contains("Account_Name"), e.getMessage());
            assertEquals(before, indexes(db), "the other Account indexes were built all the same");
        }
    }

    @Test
    void aSnapshotIsCopiedBeforeTheFirstWriteAndHoldsTheStateItWasAskedFor() {
        try (OrgDatabase db = new OrgDatabase(StandardObjects.schema(), "00D000000000005")) {
            insertAccount(db, "001000000000001AAA");
            db.snapshot("loaded");
            assertTrue(db.hasSnapshot("loaded"), "asked for: it exists for its users at once");
            db.restore("loaded"); // nothing written since: nothing to do
            assertEquals(1, db.count("Account"));
            insertAccount(db, "001000000000002AAA"); // the first write copies the snapshot before it runs
            assertEquals(2, db.count("Account"));
            db.restore("loaded");
            assertEquals(1, db.count("Account"), "the state when the snapshot was asked for, not when it was copied");

            db.snapshot("later");
            db.takePendingSnapshots(); // as an emulator does once it is ready
            insertAccount(db, "001000000000003AAA");
            db.restore("loaded"); // a restore writes: any pending copy would be taken first
            db.restore("later");
            assertEquals(1, db.count("Account"));
        }
    }

    private static void insertAccount(OrgDatabase db, String id) {
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO \"Account\" (\"Id\", \"Name\", \"IsDeleted\") VALUES ('" + id + "', 'Acme', FALSE)"));
    }

    private static Set<String> indexes(OrgDatabase db) {
        return db.read(c -> {
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
