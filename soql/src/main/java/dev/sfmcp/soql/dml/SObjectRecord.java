package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.SObjectType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One stored record as the engine holds it: the column values of its stored fields, keyed by describe name,
 * as JDBC gives them (String, Boolean, BigDecimal, Integer, LocalDate, LocalDateTime in UTC). Looked up
 * case-insensitively.
 */
public final class SObjectRecord {

    private final SObjectType type;
    private final Map<String, Object> values;
    private final Map<String, String> names;

    public SObjectRecord(SObjectType type, Map<String, Object> values) {
        this.type = type;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, String> keys = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            keys.put(k.toLowerCase(Locale.ROOT), k);
        }
        this.names = keys;
    }

    public SObjectType type() {
        return type;
    }

    /** The 18-character Id. */
    public String id() {
        return (String) get("Id");
    }

    /** The value of {@code field}, or null when null or not loaded. */
    public Object get(String field) {
        String key = names.get(field.toLowerCase(Locale.ROOT));
        return key == null ? null : values.get(key);
    }

    /** Whether {@code field} was loaded. */
    public boolean has(String field) {
        return names.containsKey(field.toLowerCase(Locale.ROOT));
    }

    /** The loaded values in column order. */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return type.name() + values;
    }
}
