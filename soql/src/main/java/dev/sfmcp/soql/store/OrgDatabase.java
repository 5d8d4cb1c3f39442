package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import org.h2.jdbcx.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One org's in-memory H2 database, created from its schema (see the package documentation for the layout).
 * Work runs on pooled connections; {@link #inTransaction} commits on success and rolls back on any failure, so
 * a failed write leaves nothing behind.
 */
public final class OrgDatabase implements AutoCloseable {

    private static final AtomicLong DATABASES = new AtomicLong();

    private final Schema schema;
    private final JdbcConnectionPool pool;
    private final Connection keepAlive;

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public OrgDatabase(Schema schema, String orgId) {
        this.schema = schema;
        String url = "jdbc:h2:mem:sfmcp_" + orgId.replaceAll("[^A-Za-z0-9]", "") + "_" + DATABASES.incrementAndGet()
                + ";LOCK_TIMEOUT=10000";
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        try {
            // an in-memory H2 database lives as long as one connection is open
            keepAlive = pool.getConnection();
            try (Statement st = keepAlive.createStatement()) {
                for (String ddl : StorageLayout.createStatements(schema)) {
                    st.execute(ddl);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not create the org's storage", e);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. For the query compiler's reads. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A snapshot asked
     * for and not yet copied is copied first (see {@link #snapshot}).
     */
    public <T> T inTransaction(Work<T> work) {
        if (!pendingSnapshots.isEmpty()) {
            takePendingSnapshots();
        }
        return transaction(work);
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                if (e instanceof SQLException sql) {
                    throw new StorageException("storage failure", sql);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("storage failure", e);
        }
    }

    /**
     * Runs {@code work} (a bulk load) with the secondary indexes of {@code types} dropped, and builds them again as
     * the load declares tables complete ({@link DeferredIndexes#loaded}) and at its end: H2 builds an index over
     * existing rows from sorted runs, far cheaper than keeping it up to date row by row. Queries during the load
     * still answer correctly, only without those indexes. Every index is back when this returns, also when
     * {@code work} fails.
     */
    public synchronized <T> T withoutSecondaryIndexes(Collection<SObjectType> types, Function<DeferredIndexes, T> work) {
        try (DeferredIndexes deferred = new DeferredIndexes(this, types)) {
            return work.apply(deferred);
        }
    }

    void ddl(List<String> statements) {
        read(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            return null;
        });
    }

    /** Runs {@code work} on an auto-commit connection (reads). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("storage failure", e);
        }
    }

    /**
     * Keeps the tables' present state as the snapshot {@code name}, replacing an earlier snapshot of that name. The
     * copy is taken when it is first needed: just before the next write ({@link #inTransaction}, a restore of another
     * snapshot) or at {@link #takePendingSnapshots}. Until then nothing can change the tables, so the copy is the same,
     * and a start does not wait for it.
     */
    public synchronized void snapshot(String name) {
        pendingSnapshots.add(name);
    }

    /** Copies the snapshots asked for and not yet taken (an emulator calls this once it is ready, in the background). */
    public synchronized void takePendingSnapshots() {
        for (String name : List.copyOf(pendingSnapshots)) {
            copy(name);
            pendingSnapshots.remove(name);
        }
    }

    /** Copies every table into the snapshot schema {@code name}. */
    private void copy(String name) {
        String snap = StorageLayout.quote("snap_" + name);
        transaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + snap + " CASCADE");
                st.execute("CREATE SCHEMA " + snap);
                for (String table : StorageLayout.tableNames(schema)) {
                    String t = StorageLayout.quote(table);
                    st.execute("CREATE TABLE " + snap + "." + t + " AS SELECT * FROM PUBLIC." + t);
                }
            }
            return null;
        });
        sameAsSnapshot.put(name, modificationStamps());
    }

    /** Snapshots asked for whose copy is not taken yet: nothing has been written since they were asked. */
    private final Set<String> pendingSnapshots = ConcurrentHashMap.newKeySet();

    /**
     * Returns the tables to the snapshot {@code name}. Only tables modified since they were last equal to the
     * snapshot are copied back (H2's per-table modification stamp tells), so that a reset between tests costs
     * what the test changed, not the size of the org.
     */
    public synchronized void restore(String name) {
        if (pendingSnapshots.contains(name)) {
            return; // nothing has been written since that snapshot was asked for: the tables are as it would hold them
        }
        takePendingSnapshots(); // a restore writes
        String snap = StorageLayout.quote("snap_" + name);
        Map<String, Long> same = sameAsSnapshot.getOrDefault(name, Map.of());
        Map<String, Long> now = modificationStamps();
        transaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String table : StorageLayout.tableNames(schema)) {
                    Long stamp = same.get(table);
                    if (stamp != null && stamp.equals(now.get(table))) {
                        continue;
                    }
                    String t = StorageLayout.quote(table);
                    st.execute("TRUNCATE TABLE PUBLIC." + t);
                    st.execute("INSERT INTO PUBLIC." + t + " SELECT * FROM " + snap + "." + t);
                }
            }
            return null;
        });
        // every other snapshot's knowledge is kept: a table untouched by this restore still matches it
        sameAsSnapshot.put(name, modificationStamps());
    }

    /** H2's last-modification stamp of every org table (any committed or rolled-back write moves it). */
    private Map<String, Long> modificationStamps() {
        return read(c -> {
            Map<String, Long> out = new HashMap<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT TABLE_NAME, LAST_MODIFICATION FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    private final Map<String, Map<String, Long>> sameAsSnapshot = new ConcurrentHashMap<>();

    /** Whether a snapshot named {@code name} exists (taken, or asked for and taken at the next write). */
    public boolean hasSnapshot(String name) {
        if (pendingSnapshots.contains(name)) {
            return true;
        }
        return read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                ps.setString(1, "snap_" + name);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }

    /** The number of rows of {@code table} (deleted ones included). */
    public long count(String table) {
        return read(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + StorageLayout.quote(table))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    List<String> tables() {
        return StorageLayout.tableNames(schema);
    }

    @Override
    public void close() {
        try {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException ignored) {
            // already shut down
        }
        pool.dispose();
    }
}
