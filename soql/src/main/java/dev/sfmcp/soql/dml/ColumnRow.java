package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A new record's stored values in column order, seen as a map keyed by describe name. Bulk loads build a
 * million of these: one array copied from the type's template costs a fraction of a hash map of sixty entries,
 * and the insert binds the array by position.
 */
final class ColumnRow extends AbstractMap<String, Object> {

    /** The columns of one sObject type: names in storage order and where each one sits. */
    static final class Columns {
        final SObjectType type;
        final List<FieldDef> fields;
        final String[] names;
        private final Map<String, Integer> index;

        Columns(SObjectType type) {
            this.type = type;
            this.fields = type.storedFields();
            this.names = new String[fields.size()];
            this.index = new HashMap<>(fields.size() * 2);
            for (int i = 0; i < names.length; i++) {
                names[i] = fields.get(i).name();
                index.put(names[i], i);
            }
        }

        /** The position of the column named exactly {@code name}, or -1. */
        int position(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
    }

    private final Columns columns;
    final Object[] values;

    ColumnRow(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        int i = key instanceof String s ? columns.position(s) : -1;
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && columns.position(s) >= 0;
    }

    /** Only stored columns are kept: a value for anything else would never reach the table anyway. */
    @Override
    public Object put(String key, Object value) {
        int i = columns.position(key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        values[i] = value;
        return old;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleEntry<>(columns.names[i], values[i]) {
                            @Override
                            public Object setValue(Object value) {
                                values[i] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
