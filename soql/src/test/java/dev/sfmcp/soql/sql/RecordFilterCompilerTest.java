package dev.sfmcp.soql.sql;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.store.ShareRows;
import dev.sfmcp.soql.testing.TestOrg;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** Compiles record filters and runs them against real H2 data: the rows each filter keeps. */
class RecordFilterCompilerTest {

    private static TestOrg org;
    private static String groupId;
    private static String adminAccount;
    private static String otherAccount;
    private static String sharedAccount;
    private static String adminContactOnOther;
    private static String otherContactOnAdmin;
    private static String orphanContact;

    @BeforeAll
    static void seed() {
        org = new TestOrg();
        groupId = org.engine.bulkInsert("Group", List.of(Map.of("Name", "Sales", "Type", "Regular")), null).get(0);
        adminAccount = account("Admin's", org.admin);
        otherAccount = account("Other's", org.other);
        sharedAccount = account("Shared", org.other);
        adminContactOnOther = contact("A", org.admin, otherAccount);
        otherContactOnAdmin = contact("B", org.other, adminAccount);
        orphanContact = contact("C", org.other, null);
        org.engine.withShareRows(shares -> {
            shares.insert("Account", List.of(new ShareRows.Share(sharedAccount, groupId, AccessLevel.EDIT, "Manual")));
            shares.insert("Account", List.of(new ShareRows.Share(otherAccount, groupId, AccessLevel.READ, "Rule")));
            return null;
        });
    }

    private static String account(String name, String owner) {
        return org.engine.bulkInsert("Account", List.of(Map.of("Name", name, "OwnerId", owner)), owner).get(0);
    }

    private static String contact(String name, String owner, String accountId) {
        java.util.Map<String, Object> c = new java.util.HashMap<>(Map.of("LastName", name, "OwnerId", owner));
        c.put("AccountId", accountId);
        return org.engine.bulkInsert("Contact", List.of(c), owner).get(0);
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private Set<String> ids(String object, RecordFilter filter) {
        SObjectType type = org.engine.schema().find(object).orElseThrow();
        Table table = new Table("\"" + object + "\"").withAlias(new Alias("t0", false));
        BoundParameters params = new BoundParameters();
        Expression where = org.engine.filterCompiler().compile(filter, table, type, params);
        PlainSelect select = new PlainSelect().withFromItem(table).withWhere(where);
        select.addSelectItem(new Column(new Table("t0"), "\"Id\""));
        String sql = select.toString();
        for (Object value : params.values()) {
            if (value instanceof String text) {
                assertFalse(sql.contains(text), "values are bound, never inlined: " + sql);
            }
        }
        return org.engine.database().read(c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                params.applyTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static Set<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    @Test
    void allAndNone() {
        assertEquals(set(adminAccount, otherAccount, sharedAccount), ids("Account", RecordFilter.ALL));
        assertEquals(set(), ids("Account", RecordFilter.NONE));
    }

    @Test
    void ownerIn() {
        assertEquals(set(adminAccount), ids("Account", new RecordFilter.OwnerIn(Set.of(org.admin))));
        assertEquals(set(otherAccount, sharedAccount), ids("Account", new RecordFilter.OwnerIn(Set.of(org.other, "005000000000000AAA"))));
        assertEquals(set(), ids("Account", new RecordFilter.OwnerIn(Set.of())));
    }

    @Test
    void sharedWithHonoursTheMinimumLevel() {
        assertEquals(set(otherAccount, sharedAccount), ids("Account", new RecordFilter.SharedWith(Set.of(groupId), AccessLevel.READ)));
        assertEquals(set(sharedAccount), ids("Account", new RecordFilter.SharedWith(Set.of(groupId), AccessLevel.EDIT)));
        assertEquals(set(), ids("Account", new RecordFilter.SharedWith(Set.of(groupId), AccessLevel.ALL)));
        assertEquals(set(), ids("Account", new RecordFilter.SharedWith(Set.of(org.admin), AccessLevel.READ)));
    }

    @Test
    void parentVisibleCompilesTheParentFilterInside() {
        RecordFilter viaParent = new RecordFilter.ParentVisible("AccountId", "Account", new RecordFilter.OwnerIn(Set.of(org.admin)));
        assertEquals(set(otherContactOnAdmin), ids("Contact", viaParent));
        RecordFilter anyParent = new RecordFilter.ParentVisible("accountid", "Account", RecordFilter.ALL);
        assertEquals(set(adminContactOnOther, otherContactOnAdmin), ids("Contact", anyParent), "a contact without account has no parent");
    }

    @Test
    void childVisibleGivesImplicitParentAccess() {
        RecordFilter viaChild = new RecordFilter.ChildVisible("Contact", "AccountId", new RecordFilter.OwnerIn(Set.of(org.admin)));
        assertEquals(set(otherAccount), ids("Account", viaChild));
    }

    @Test
    void anyOfAndAllOfCombine() {
        RecordFilter mine = new RecordFilter.OwnerIn(Set.of(org.admin));
        RecordFilter shared = new RecordFilter.SharedWith(Set.of(groupId), AccessLevel.EDIT);
        assertEquals(set(adminAccount, sharedAccount), ids("Account", new RecordFilter.AnyOf(List.of(mine, shared))));
        assertEquals(set(), ids("Account", new RecordFilter.AllOf(List.of(mine, shared))));
        RecordFilter others = new RecordFilter.OwnerIn(Set.of(org.other));
        RecordFilter readShared = new RecordFilter.SharedWith(Set.of(groupId), AccessLevel.READ);
        assertEquals(set(otherAccount, sharedAccount), ids("Account", new RecordFilter.AllOf(List.of(others, readShared))));
        // (mine OR shared-for-edit) AND owned by other: the OR must stay parenthesised
        assertEquals(set(sharedAccount), ids("Account", new RecordFilter.AllOf(List.of(new RecordFilter.AnyOf(List.of(mine, shared)), others))));
        assertEquals(set(adminAccount, otherAccount, sharedAccount), ids("Account", new RecordFilter.AnyOf(List.of(mine, RecordFilter.ALL))));
    }

    @Test
    void ownerlessObjectsMatchNoOwnerFilter() {
        String product = org.engine.bulkInsert("Product2", List.of(Map.of("Name", "Widget")), org.admin).get(0);
        assertEquals(set(), ids("Product2", new RecordFilter.OwnerIn(Set.of(org.admin))));
        assertEquals(set(product), ids("Product2", RecordFilter.ALL));
    }

    @Test
    void unrestrictedOnlyForAll() {
        assertTrue(RecordFilterCompiler.unrestricted(RecordFilter.ALL));
        assertFalse(RecordFilterCompiler.unrestricted(new RecordFilter.OwnerIn(Set.of(org.admin))));
    }
}
