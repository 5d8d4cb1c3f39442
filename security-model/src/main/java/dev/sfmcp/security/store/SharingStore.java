package dev.sfmcp.security.store;

import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.soql.access.RecordFilter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the security model needs from the data engine, and nothing more: the share tables, a scan of records for
 * rule recalculation, and the engine's own evaluation of a filter on one record (so "why can this user see it"
 * answers with the very SQL the queries run). Every call runs in the caller's transaction.
 */
public interface SharingStore {

    /** Adds rows to {@code sObject}'s share table. */
    void insert(String sObject, Collection<ShareRow> rows);

    /** Deletes the rows of one record with one cause; {@code parentId} null means every record of the object. */
    int deleteRows(String sObject, String parentId, String rowCause);

    /** Deletes the rows with one cause naming one user or group. */
    int deleteRowsFor(String sObject, String userOrGroupId, String rowCause);

    /** Deletes one record's row for one user or group with one cause. */
    int deleteRow(String sObject, String parentId, String userOrGroupId, String rowCause);

    /** The share rows of one record. */
    List<ShareRow> rows(String sObject, String parentId);

    /**
     * Calls {@code each} with the Id and {@code fields} of every live record of {@code sObject}, or only of those
     * whose text field equals one of the values for every entry of {@code textEqualsAnyOf} (a narrowing the
     * engine applies in its storage; the caller still checks its own criteria on what it gets).
     */
    void scan(String sObject, Collection<String> fields, Map<String, List<String>> textEqualsAnyOf, Consumer<Map<String, Object>> each);

    /**
     * Runs {@code work} against a store bound to one transaction: a store already inside a transaction (the
     * engine's record-change listener) runs it there, a root store opens one.
     */
    default <T> T atomically(Function<SharingStore, T> work) {
        return work.apply(this);
    }

    /** Whether record {@code recordId} of {@code sObject} passes {@code filter}, evaluated by the engine. */
    boolean matches(String sObject, String recordId, RecordFilter filter);
}
