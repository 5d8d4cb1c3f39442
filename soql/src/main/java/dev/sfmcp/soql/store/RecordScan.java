package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams the Id and a few fields of every live record of one object, on the caller's connection: what the
 * security model reads to recalculate criteria-based sharing rules when a rule is added.
 */
public final class RecordScan {

    private final Connection connection;
    private final Schema schema;

    public RecordScan(Connection connection, Schema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Calls {@code each} with a map holding {@code Id} and {@code fields} (describe spelling) of each live record. */
    public void scan(String sObject, Collection<String> fields, Consumer<Map<String, Object>> each) throws SQLException {
        scan(sObject, fields, Map.of(), each);
    }

    /**
     * As {@link #scan(String, Collection, Consumer)}, narrowed to records whose text field equals one of the
     * given values (case-insensitively, as the columns compare) for every entry of {@code textEqualsAnyOf}. Entries
     * naming a field that is not text are ignored: the narrowing is a hint, never a different meaning.
     */
    public void scan(String sObject, Collection<String> fields, Map<String, ? extends Collection<String>> textEqualsAnyOf,
                     Consumer<Map<String, Object>> each) throws SQLException {
        SObjectType type = schema.require(sObject);
        Set<String> columns = new LinkedHashSet<>();
        columns.add("Id");
        for (String f : fields) {
            FieldDef def = type.field(f).orElseThrow(() -> new IllegalArgumentException("no field " + f + " on " + sObject));
            columns.add(def.name());
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", columns.stream().map(StorageLayout::quote).toList()));
        sql.append(" FROM ").append(StorageLayout.quote(type.name())).append(" WHERE \"IsDeleted\" = FALSE");
        java.util.List<String> values = new java.util.ArrayList<>();
        for (Map.Entry<String, ? extends Collection<String>> e : textEqualsAnyOf.entrySet()) {
            FieldDef def = type.field(e.getKey()).orElseThrow(() -> new IllegalArgumentException("no field " + e.getKey() + " on " + sObject));
            if (e.getValue().isEmpty() || !StorageLayout.columnType(def).startsWith("VARCHAR_IGNORECASE")) {
                continue;
            }
            sql.append(" AND ").append(StorageLayout.quote(def.name())).append(" IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(e.getValue().size(), "?"))).append(')');
            values.addAll(e.getValue());
        }
        try (PreparedStatement ps = prepare(sql.toString(), values); ResultSet rs = ps.executeQuery()) {
            String[] names = columns.toArray(String[]::new);
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], rs.getObject(i + 1));
                }
                each.accept(row);
            }
        }
    }

    private PreparedStatement prepare(String sql, java.util.List<String> values) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
        return ps;
    }
}
