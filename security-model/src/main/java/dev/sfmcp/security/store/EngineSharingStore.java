package dev.sfmcp.security.store;

import dev.sfmcp.security.sharing.ShareRow;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.RecordScan;
import dev.sfmcp.soql.store.ShareRows;
import dev.sfmcp.soql.store.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link SharingStore} over the engine's H2 storage, through the engine's own share-row and scan APIs. A
 * root store (made from the org's database) runs each call, or each {@link #atomically} block, in a transaction
 * of its own; a bound store (made from a connection, e.g. inside the engine's record-change listener) writes in
 * that connection's transaction.
 */
public final class EngineSharingStore implements SharingStore {

    private final OrgDatabase database;
    private final Connection connection;
    private final IdGenerator ids;
    private final FilterProbe probe;

    private EngineSharingStore(OrgDatabase database, Connection connection, IdGenerator ids, FilterProbe probe) {
        this.database = database;
        this.connection = connection;
        this.ids = ids;
        this.probe = probe;
    }

    /** A store opening its own transactions on {@code database}. */
    public static EngineSharingStore root(OrgDatabase database, IdGenerator ids, FilterProbe probe) {
        return new EngineSharingStore(database, null, ids, probe);
    }

    /** A store writing inside the transaction of {@code connection}. */
    public EngineSharingStore bound(Connection connection) {
        return new EngineSharingStore(database, connection, ids, probe);
    }

    /** The work, with the engine's SQL failures surfaced unchecked. */
    private interface Step<T> {
        T run(EngineSharingStore bound) throws SQLException;
    }

    private <T> T run(Step<T> step) {
        if (connection != null) {
            try {
                return step.run(this);
            } catch (SQLException e) {
                throw new StorageException("share table failure", e);
            }
        }
        return database.inTransaction(c -> step.run(bound(c)));
    }

    private ShareRows shareRows() {
        return new ShareRows(connection, database.schema(), ids);
    }

    @Override
    public <T> T atomically(Function<SharingStore, T> work) {
        if (connection != null) {
            return work.apply(this);
        }
        return database.inTransaction(c -> work.apply(bound(c)));
    }

    @Override
    public void insert(String sObject, Collection<ShareRow> rows) {
        run(s -> {
            s.shareRows().insert(sObject, rows.stream()
                    .map(r -> new ShareRows.Share(r.parentId(), r.userOrGroupId(), r.accessLevel(), r.rowCause())).toList());
            return null;
        });
    }

    @Override
    public int deleteRows(String sObject, String parentId, String rowCause) {
        return run(s -> {
            ShareRows rows = s.shareRows();
            if (!rows.hasShareTable(sObject)) {
                return 0;
            }
            return parentId == null ? rows.deleteCause(sObject, rowCause) : rows.delete(sObject, parentId, rowCause);
        });
    }

    @Override
    public int deleteRowsFor(String sObject, String userOrGroupId, String rowCause) {
        return run(s -> s.shareRows().hasShareTable(sObject) ? s.shareRows().deleteFor(sObject, userOrGroupId, rowCause) : 0);
    }

    @Override
    public int deleteRow(String sObject, String parentId, String userOrGroupId, String rowCause) {
        return run(s -> s.shareRows().hasShareTable(sObject) ? s.shareRows().deleteRow(sObject, parentId, userOrGroupId, rowCause) : 0);
    }

    @Override
    public List<ShareRow> rows(String sObject, String parentId) {
        return run(s -> {
            ShareRows rows = s.shareRows();
            if (!rows.hasShareTable(sObject)) {
                return List.of();
            }
            return rows.of(sObject, parentId).stream()
                    .map(r -> new ShareRow(r.parentId(), r.userOrGroupId(), r.level(), r.rowCause())).toList();
        });
    }

    @Override
    public void scan(String sObject, Collection<String> fields, Map<String, List<String>> textEqualsAnyOf,
                     Consumer<Map<String, Object>> each) {
        run(s -> {
            new RecordScan(s.connection, database.schema()).scan(sObject, fields, textEqualsAnyOf, each);
            return null;
        });
    }

    @Override
    public boolean matches(String sObject, String recordId, RecordFilter filter) {
        return run(s -> probe.matches(s.connection, sObject, recordId, filter));
    }
}
