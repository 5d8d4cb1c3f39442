package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.store.StorageLayout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.WeakHashMap;

/** Reads stored rows into {@link SObjectRecord}s with the Java types the engine uses for each column type. */
final class RecordRows {

    /**
     * Per sObject type (by identity: two orgs may define Account with different custom fields), the row
     * selects without and with FOR UPDATE. Weak keys, so that closed orgs' types are not kept.
     */
    private static final Map<SObjectType, String[]> LOCKING_SELECTS = Collections.synchronizedMap(new WeakHashMap<>());

    private RecordRows() {
    }

    /** The column value at {@code index}, typed for the field. */
    static Object column(ResultSet rs, int index, FieldDef f) throws SQLException {
        return switch (f.type()) {
            case DATE -> rs.getObject(index, LocalDate.class);
            case DATETIME -> rs.getObject(index, LocalDateTime.class);
            case BOOLEAN -> rs.getBoolean(index);
            case INT -> {
                int v = rs.getInt(index);
                yield rs.wasNull() ? null : v;
            }
            case CURRENCY, DOUBLE, PERCENT -> rs.getBigDecimal(index);
            default -> rs.getString(index);
        };
    }

    /** The row of {@code id} with every stored field, locked for update when {@code lock}; null when absent. */
    static SObjectRecord load(Connection c, SObjectType type, String id, boolean lock) throws SQLException {
        String sql = LOCKING_SELECTS.computeIfAbsent(type, k -> {
            StringBuilder sb = new StringBuilder("SELECT ");
            List<FieldDef> fields = type.storedFields();
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(StorageLayout.quote(fields.get(i).name()));
            }
            sb.append(" FROM ").append(StorageLayout.quote(type.name())).append(" WHERE \"Id\" = ?");
            return new String[]{sb.toString(), sb + " FOR UPDATE"};
        })[lock ? 1 : 0];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return read(rs, type, type.storedFields());
            }
        }
    }

    /** The current row of {@code rs} holding {@code fields} in that order. */
    static SObjectRecord read(ResultSet rs, SObjectType type, List<FieldDef> fields) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>(fields.size() * 2);
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i).name(), column(rs, i + 1, fields.get(i)));
        }
        return SObjectRecord.wrap(type, values);
    }
}
