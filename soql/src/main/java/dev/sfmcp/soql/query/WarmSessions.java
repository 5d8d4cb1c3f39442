package dev.sfmcp.soql.query;

import dev.sfmcp.soql.store.OrgDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The H2 sessions the query engine reads with, kept open between queries: H2 caches parsed statements per
 * session, and taking a connection from the store's pool for every query costs a fresh parse (about 20 times the
 * time of running a selective query). A few sessions are kept; more are opened under concurrency and closed after.
 */
final class WarmSessions {

    private static final int KEPT = 8;

    private final OrgDatabase database;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    WarmSessions(OrgDatabase database) {
        this.database = database;
    }

    /** An auto-commit session for one statement sequence; give it back with {@link #release}. */
    Connection acquire() throws SQLException {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (!c.isClosed()) {
                return c;
            }
        }
        return database.connection();
    }

    /** Returns a session; a session that failed is closed rather than kept. */
    void release(Connection c, boolean healthy) {
        try {
            if (healthy && !c.isClosed() && c.getAutoCommit() && idle.size() < KEPT) {
                idle.offerFirst(c);
            } else {
                c.close();
            }
        } catch (SQLException e) {
            // The session is unusable either way; dropping it is all that is left to do.
        }
    }
}
