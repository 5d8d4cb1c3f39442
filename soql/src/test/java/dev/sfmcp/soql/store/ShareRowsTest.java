package dev.sfmcp.soql.store;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.testing.TestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Share rows and group membership as the security model writes them. */
class ShareRowsTest {

    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    @Test
    void insertDeleteByCauseAndReplaceACause() {
        String a = org.engine.bulkInsert("Account", List.of(Map.of("Name", "A")), org.admin).get(0);
        String b = org.engine.bulkInsert("Account", List.of(Map.of("Name", "B")), org.admin).get(0);
        org.engine.withShareRows(s -> {
            s.insert("Account", List.of(new ShareRows.Share(a, org.other, AccessLevel.READ, "Manual"),
                    new ShareRows.Share(a, org.other, AccessLevel.EDIT, "Rule"),
                    new ShareRows.Share(b, org.other, AccessLevel.EDIT, "Rule")));
            assertEquals(2, s.of("Account", a).size());
            assertEquals(1, s.delete("Account", a, "Manual"));
            assertEquals(List.of(new ShareRows.Share(a, org.other, AccessLevel.EDIT, "Rule")), s.of("Account", a));
            s.replaceCause("Account", "Rule", List.of(new ShareRows.Share(b, org.admin, AccessLevel.READ, "Rule")));
            assertEquals(List.of(), s.of("Account", a));
            assertEquals(List.of(new ShareRows.Share(b, org.admin, AccessLevel.READ, "Rule")), s.of("account", b));
            assertEquals(1, s.delete("Account", b, null));
            return null;
        });
        assertEquals(0, org.engine.database().count("AccountShare"));
        assertThrows(IllegalArgumentException.class, () -> org.engine.withShareRows(s -> s.of("Product2", a)), "Product2 has no share table");
    }

    @Test
    void groupMembership() {
        String group = org.engine.bulkInsert("Group", List.of(Map.of("Name", "G", "Type", "Regular")), null).get(0);
        org.engine.withShareRows(s -> {
            s.addGroupMember(group, org.admin);
            s.addGroupMember(group, org.other);
            s.removeGroupMember(group, org.admin);
            return null;
        });
        assertEquals(1, org.engine.database().count("GroupMember"));
    }
}
