package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.SObjectType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored record as the engine holds it: the column values of its stored fields, keyed by describe name,
 * as JDBC gives them (String, Boolean, BigDecimal, Integer, LocalDate, LocalDateTime in UTC). Looked up
 * case-insensitively.
 */
public final class SObjectRecord {

    private final SObjectType type;
    private final Map<String, Object> values;

    public SObjectRecord(SObjectType type, Map<String, Object> values) {
        this(type, new LinkedHashMap<>(values), true);
    }

    /** Wraps {@code owned} without copying it: the caller hands the map over and never changes it again. */
    private SObjectRecord(SObjectType type, Map<String, Object> owned, boolean unused) {
        this.type = type;
        this.values = Collections.unmodifiableMap(owned);
    }

    static SObjectRecord wrap(SObjectType type, Map<String, Object> owned) {
        return new SObjectRecord(type, owned, true);
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
        // keys are describe names, which callers usually use; other spellings fall back to a scan
        Object v = values.get(field);
        if (v != null || values.containsKey(field)) {
            return v;
        }
        String key = key(field);
        return key == null ? null : values.get(key);
    }

    /** Whether {@code field} was loaded. */
    public boolean has(String field) {
        return values.containsKey(field) || key(field) != null;
    }

    private String key(String field) {
        for (String k : values.keySet()) {
            if (k.equalsIgnoreCase(field)) {
                return k;
            }
        }
        return null;
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
