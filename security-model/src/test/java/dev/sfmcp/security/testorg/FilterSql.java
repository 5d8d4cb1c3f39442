package dev.sfmcp.security.testorg;

import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.store.StorageLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles a RecordFilter to an H2 predicate over the engine's storage layout, for the tests of this module
 * while the engine's own compiler (branch soql-core) is not merged: the filters are run against real H2 data,
 * never evaluated in Java.
 */
public final class FilterSql {

    private final List<Object> parameters = new ArrayList<>();
    private final AtomicInteger aliases = new AtomicInteger();
    private final String sql;

    private FilterSql(String sObject, String alias, RecordFilter filter) {
        this.sql = compile(sObject, alias, filter);
    }

    /** The predicate on table alias {@code alias} of {@code sObject}. */
    public static FilterSql of(String sObject, String alias, RecordFilter filter) {
        return new FilterSql(sObject, alias, filter);
    }

    public String sql() {
        return sql;
    }

    public List<Object> parameters() {
        return parameters;
    }

    private String compile(String sObject, String alias, RecordFilter filter) {
        String a = StorageLayout.quote(alias);
        if (filter instanceof RecordFilter.All) {
            return "TRUE";
        } else if (filter instanceof RecordFilter.None) {
            return "FALSE";
        } else if (filter instanceof RecordFilter.OwnerIn owners) {
            return a + ".\"OwnerId\" IN (" + placeholders(owners.ownerIds()) + ")";
        } else if (filter instanceof RecordFilter.SharedWith shared) {
            String s = StorageLayout.quote("s" + aliases.incrementAndGet());
            String table = sObject.endsWith("__c") ? sObject.substring(0, sObject.length() - 3) + "__Share" : sObject + "Share";
            String in = placeholders(shared.userOrGroupIds());
            parameters.add(shared.minimum().rank());
            return "EXISTS (SELECT 1 FROM " + StorageLayout.quote(table) + " " + s + " WHERE " + s + ".\"ParentId\" = " + a
                    + ".\"Id\" AND " + s + ".\"UserOrGroupId\" IN (" + in + ") AND " + s + ".\"AccessLevel\" >= ?)";
        } else if (filter instanceof RecordFilter.ParentVisible parent) {
            String pAlias = "p" + aliases.incrementAndGet();
            String p = StorageLayout.quote(pAlias);
            return "EXISTS (SELECT 1 FROM " + StorageLayout.quote(parent.parentObject()) + " " + p + " WHERE " + p
                    + ".\"Id\" = " + a + "." + StorageLayout.quote(parent.referenceField()) + " AND " + p
                    + ".\"IsDeleted\" = FALSE AND " + compile(parent.parentObject(), pAlias, parent.parentFilter()) + ")";
        } else if (filter instanceof RecordFilter.ChildVisible child) {
            String cAlias = "c" + aliases.incrementAndGet();
            String c = StorageLayout.quote(cAlias);
            return "EXISTS (SELECT 1 FROM " + StorageLayout.quote(child.childObject()) + " " + c + " WHERE " + c + "."
                    + StorageLayout.quote(child.childReferenceField()) + " = " + a + ".\"Id\" AND " + c
                    + ".\"IsDeleted\" = FALSE AND " + compile(child.childObject(), cAlias, child.childFilter()) + ")";
        } else if (filter instanceof RecordFilter.AnyOf any) {
            return "(" + String.join(" OR ", any.filters().stream().map(f -> compile(sObject, alias, f)).toList()) + ")";
        } else if (filter instanceof RecordFilter.AllOf all) {
            return "(" + String.join(" AND ", all.filters().stream().map(f -> compile(sObject, alias, f)).toList()) + ")";
        }
        throw new IllegalArgumentException("unknown filter " + filter);
    }

    private String placeholders(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return "NULL";
        }
        parameters.addAll(ids);
        return String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    }

    /** Binds the parameters from index {@code first}; returns the next free index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : parameters) {
            ps.setObject(i++, p);
        }
        return i;
    }

    /** The probe the tests give the engine store: one record, one filter, evaluated by H2. */
    public static boolean matches(Connection c, String sObject, String recordId, RecordFilter filter) throws SQLException {
        FilterSql f = of(sObject, "t", filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + StorageLayout.quote(sObject)
                + " \"t\" WHERE \"t\".\"Id\" = ? AND \"t\".\"IsDeleted\" = FALSE AND " + f.sql())) {
            ps.setString(1, recordId);
            f.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
