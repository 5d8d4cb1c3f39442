package dev.sfmcp.soql.store;

import dev.sfmcp.soql.schema.Schema;
import org.h2.jdbcx.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
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

    /** Runs {@code work} on an auto-commit connection (reads). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("storage failure", e);
        }
    }

    /** Copies every table into the snapshot schema {@code name}, replacing an earlier snapshot of that name. */
    public void snapshot(String name) {
        String snap = StorageLayout.quote("snap_" + name);
        inTransaction(c -> {
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
    }

    /** Returns every table to the snapshot {@code name}. */
    public void restore(String name) {
        String snap = StorageLayout.quote("snap_" + name);
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String table : StorageLayout.tableNames(schema)) {
                    String t = StorageLayout.quote(table);
                    st.execute("TRUNCATE TABLE PUBLIC." + t);
                    st.execute("INSERT INTO PUBLIC." + t + " SELECT * FROM " + snap + "." + t);
                }
            }
            return null;
        });
    }

    /** Whether a snapshot named {@code name} exists. */
    public boolean hasSnapshot(String name) {
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
