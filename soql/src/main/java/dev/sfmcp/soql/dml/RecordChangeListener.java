package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.store.ShareRows;

import java.sql.SQLException;
import java.util.List;

/**
 * Told of every record change INSIDE the write's transaction, with that transaction's share rows, so that the
 * security model recalculates sharing atomically with the change. Throwing rolls the whole write back.
 */
public interface RecordChangeListener {

    /** No-op listener. */
    RecordChangeListener NONE = (type, before, after, shares) -> { };

    /**
     * One record changed: {@code before} is null on create; {@code after} has {@code IsDeleted = true} on delete.
     * Both hold every stored field.
     */
    void onChange(SObjectType type, SObjectRecord before, SObjectRecord after, ShareRows shares) throws SQLException;

    /** Records loaded in bulk (fixtures, generators); by default each is reported as a create. */
    default void onBulkInsert(SObjectType type, List<SObjectRecord> records, ShareRows shares) throws SQLException {
        for (SObjectRecord r : records) {
            onChange(type, null, r, shares);
        }
    }
}
