package dev.sfmcp.soql.query;

import dev.sfmcp.soql.schema.FieldDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one result row becomes a REST record: which column feeds which JSON key, in SELECT order, with parent
 * references as nested objects and child subqueries as nested query results.
 */
public final class RecordShape {

    /** One key of a record. */
    public sealed interface Entry permits Value, Parent, Children, TypeOf { }

    /**
     * A scalar value read from {@code column} (1-based).
     *
     * @param labels picklist value to label, when the field was selected through toLabel(); else null
     */
    public record Value(String key, int column, Kind kind, Map<String, String> labels) implements Entry { }

    /** A parent reference: null when {@code idColumn} is null (no parent, or a parent the caller cannot see). */
    public static final class Parent implements Entry {
        final String key;
        final String type;
        final int idColumn;
        /** 1-based column holding the concrete type name (polymorphic parents), or 0. */
        final int typeColumn;
        final List<Entry> entries = new ArrayList<>();

        Parent(String key, String type, int idColumn, int typeColumn) {
            this.key = key;
            this.type = type;
            this.idColumn = idColumn;
            this.typeColumn = typeColumn;
        }
    }

    /**
     * A TYPEOF on a polymorphic relationship: the keys shown depend on the concrete type of the row's parent.
     *
     * @param whens     per concrete type name, the values of its WHEN branch
     * @param otherwise the ELSE branch, or null (then an unmatched type reads as null)
     */
    public record TypeOf(String key, int idColumn, int typeColumn, Map<String, List<Value>> whens,
                         List<Value> otherwise) implements Entry { }

    /** A child subquery, answered by its own statement and nested under {@code key}. */
    public record Children(String key, CompiledQuery query) implements Entry { }

    /** How a value is rendered in JSON. */
    public enum Kind {
        TEXT, ID, BOOLEAN, INTEGER, DECIMAL, DATE, DATETIME, TIME;

        static Kind of(FieldDef field) {
            return switch (field.type()) {
                case ID, REFERENCE -> ID;
                case BOOLEAN -> BOOLEAN;
                case INT -> INTEGER;
                case CURRENCY, DOUBLE, PERCENT -> DECIMAL;
                case DATE -> DATE;
                case DATETIME -> DATETIME;
                default -> TEXT;
            };
        }
    }

    final String type;
    /** 1-based column of the record's Id (for attributes.url), or 0 for aggregate rows. */
    final int idColumn;
    final List<Entry> entries = new ArrayList<>();

    /** The compiled statements of this shape's child subqueries, in SELECT order. */
    public List<CompiledQuery> childQueries() {
        List<CompiledQuery> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e instanceof Children c) {
                out.add(c.query());
            }
        }
        return out;
    }

    RecordShape(String type, int idColumn) {
        this.type = type;
        this.idColumn = idColumn;
    }
}
