package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.StandardObjects;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

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
}
