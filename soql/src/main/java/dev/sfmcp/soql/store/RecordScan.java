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
        try (PreparedStatement ps = connection.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
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
}
