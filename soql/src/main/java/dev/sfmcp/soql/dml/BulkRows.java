package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.SObjectType;

import java.util.List;

/**
 * Records of one object made ready for a bulk load and not stored yet: Ids issued, values checked and converted,
 * derived fields set, each row also in the storage's own value form. Making them ready and storing them are
 * separate steps so that a loader can make the next batch on one thread while another stores this one.
 */
public final class BulkRows {

    final SObjectType type;
    final List<ColumnRow> rows;
    final List<Object[]> stored;
    private final List<String> ids;

    BulkRows(SObjectType type, List<ColumnRow> rows, List<Object[]> stored, List<String> ids) {
        this.type = type;
        this.rows = rows;
        this.stored = stored;
        this.ids = ids;
    }

    /** The records' 18-character Ids, in the order they were given. */
    public List<String> ids() {
        return ids;
    }

    public int size() {
        return rows.size();
    }
}
