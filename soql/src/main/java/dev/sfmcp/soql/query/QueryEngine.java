package dev.sfmcp.soql.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.Schema;

import dev.sfmcp.soql.dml.RecentUse;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.store.OrgDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SOQL entry point of one org: answers {@code /query}, {@code /queryAll} and query-locator follow-ups with the
 * REST envelope ({@code totalSize}, {@code done}, {@code nextRecordsUrl}, {@code records}) or a
 * {@link SalesforceException} carrying Salesforce's error.
 */
public final class QueryEngine {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryEngine.class);

    private final Schema schema;
    private final OrgDatabase database;
    private final Clock clock;
    private final RecordFilterCompiler filters;
    private final RecentUseRecorder recentUse;
    private final QueryLocators locators = new QueryLocators();
    private final RecentPlans plans = new RecentPlans();
    private final WarmSessions sessions;

    /** Records that a caller viewed or referenced records (FOR VIEW / FOR REFERENCE). */
    @FunctionalInterface
    public interface RecentUseRecorder {
        void record(AccessView view, String sObject, List<String> ids, RecentUse use);
    }

    public QueryEngine(OrgDatabase database, RecordFilterCompiler filters, Clock clock, RecentUseRecorder recentUse) {
        this.schema = database.schema();
        this.database = database;
        this.filters = filters;
        this.clock = clock;
        this.recentUse = recentUse;
        this.sessions = new WarmSessions(database);
    }

    /** Runs {@code soql} as the caller whose view is {@code view}. */
    public ObjectNode query(AccessView view, String soql, QueryOptions options) {
        try {
            return run(view, soql, options);
        } catch (SalesforceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unexpected(soql, e);
        }
    }

    /**
     * What Salesforce answers when it fails internally: UNKNOWN_EXCEPTION with an ErrorId, never a stack trace.
     * The ErrorId is derived from the statement so that a failing test names the same Id each time.
     */
    public static SalesforceException unexpected(String statement, RuntimeException cause) {
        int h = (statement == null ? 0 : statement.hashCode()) ^ cause.getClass().getName().hashCode();
        String errorId = Math.abs((long) h * 7919 % 2_000_000_000L) + "-" + Math.abs(h % 100_000) + " ("
                + h + ")";
        SalesforceException out = new SalesforceException(SalesforceError.of("UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support: " + errorId, 500));
        LOG.warn("unexpected failure answered as UNKNOWN_EXCEPTION {}: {}", errorId, statement, cause);
        return out;
    }

    private ObjectNode run(AccessView view, String soql, QueryOptions options) {
        CompiledQuery compiled = soql == null ? plan(view, soql, options)
                : plans.plan(soql, view, options, () -> plan(view, soql, options));
        return withSession(compiled, c -> {
            if (compiled.countOnly()) {
                long count = count(c, compiled.sql(), compiled.parameters(), compiled.parameters().size());
                long total = Math.max(0, count - compiled.userOffset());
                if (compiled.userLimit() >= 0) {
                    total = Math.min(total, compiled.userLimit());
                }
                ObjectNode out = JSON.objectNode();
                out.put("totalSize", total);
                out.put("done", true);
                out.putArray("records");
                return out;
            }
            return page(c, compiled, view, options, 0, -1, null);
        });
    }

    /**
     * The next page of an open cursor; {@code locator} is the {@code nextRecordsUrl}, or its last segment
     * ({@code 01g...-2000}).
     */
    public ObjectNode queryMore(AccessView view, String locator) {
        String tail = locator.substring(locator.lastIndexOf('/') + 1);
        int dash = tail.lastIndexOf('-');
        String id = dash > 0 ? tail.substring(0, dash) : tail;
        long start;
        try {
            start = dash > 0 ? Long.parseLong(tail.substring(dash + 1)) : 0;
        } catch (NumberFormatException e) {
            throw QueryErrors.fail("INVALID_QUERY_LOCATOR", "Invalid query locator");
        }
        QueryLocators.Cursor cursor = locators.find(id);
        if (cursor == null || start < 0 || start >= cursor.totalSize()
                || view.userId() != null && !view.userId().equals(cursor.view().userId())) {
            throw QueryErrors.fail("INVALID_QUERY_LOCATOR", "Invalid query locator");
        }
        long from = start;
        return withSession(cursor.query(), c -> {
            ObjectNode out = page(c, cursor.query(), cursor.view(), cursor.options(), from, cursor.totalSize(), id);
            if (out.get("done").asBoolean()) {
                locators.close(id);
            }
            return out;
        });
    }

    /**
     * Compiles {@code soql} with an extra condition on the FROM object's rows, for engines built on SOQL (SOSL's
     * RETURNING clauses).
     */
    public CompiledQuery plan(AccessView view, String soql, QueryOptions options, RowCondition condition) {
        return plan(view, soql, options, condition, null);
    }

    /**
     * As {@link #plan(AccessView, String, QueryOptions, RowCondition)}, and when the statement has no ORDER BY its
     * rows come ordered by {@code rank} (lowest first), then most recently modified first, then by Id.
     */
    public CompiledQuery plan(AccessView view, String soql, QueryOptions options, RowCondition condition,
                              RowCondition rank) {
        return new QueryCompiler(schema, filters, view, clock, options, soql).withRootCondition(condition)
                .withRootRank(rank).compile(SoqlSyntax.parseQuery(soql));
    }

    /** Runs a compiled statement and returns at most {@code max} of its records, child subqueries included. */
    public List<ObjectNode> records(CompiledQuery q, QueryOptions options, long max) {
        return withSession(q, c -> {
            List<ObjectNode> records = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            RecordShaper writer = new RecordShaper(options.apiVersion());
            long fetch = q.userLimit() >= 0 ? Math.min(max, q.userLimit()) : max;
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                bind(ps, q.parameters(), q.parameters().size());
                ps.setLong(q.limitSlot(), fetch);
                ps.setLong(q.offsetSlot(), q.userOffset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(writer.record(q.shape(), rs));
                        if (q.shape().idColumn > 0) {
                            ids.add(rs.getString(q.shape().idColumn));
                        }
                    }
                }
            }
            if (!ids.isEmpty()) {
                children(c, q.shape(), records, ids, options);
            }
            return records;
        });
    }

    /** Work on one H2 session. */
    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a warm session set up for {@code q}; a failure in H2 is the engine's, not the user's. */
    private <T> T withSession(CompiledQuery q, SessionWork<T> work) {
        Connection c;
        try {
            c = sessions.acquire();
        } catch (SQLException e) {
            throw new IllegalStateException("no H2 session", e);
        }
        boolean healthy = false;
        try {
            session(c, q);
            T out = work.run(c);
            healthy = true;
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed in H2: " + q.sql(), e);
        } finally {
            sessions.release(c, healthy);
        }
    }

    /** Parses, binds and compiles without running: what a query costs before H2 sees it. */
    public CompiledQuery plan(AccessView view, String soql, QueryOptions options) {
        if (soql == null || soql.isBlank()) {
            throw QueryErrors.fail("MALFORMED_QUERY", "unexpected token: '<EOF>'");
        }
        return new QueryCompiler(schema, filters, view, clock, options, soql).compile(SoqlSyntax.parseQuery(soql));
    }

    private ObjectNode page(Connection c, CompiledQuery q, AccessView view, QueryOptions options, long start,
                            long knownTotal, String locatorId) throws SQLException {
        long remaining = q.userLimit() >= 0 ? q.userLimit() - start : Long.MAX_VALUE;
        // GROUP BY results cannot be paged by locator: they come back whole.
        long fetch = q.aggregate() ? remaining : Math.min(options.batchSize(), remaining);
        RecordShaper writer = new RecordShaper(options.apiVersion());
        List<ObjectNode> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            bind(ps, q.parameters(), q.parameters().size());
            ps.setLong(q.limitSlot(), fetch == Long.MAX_VALUE ? Long.MAX_VALUE : fetch + 1);
            ps.setLong(q.offsetSlot(), q.userOffset() + start);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (records.size() == fetch) {
                        // A further row only means another page when the statement's LIMIT is not reached.
                        more = remaining > fetch;
                        break;
                    }
                    records.add(writer.record(q.shape(), rs));
                    if (q.shape().idColumn > 0) {
                        ids.add(rs.getString(q.shape().idColumn));
                    }
                }
            }
        }
        if (!ids.isEmpty()) {
            children(c, q.shape(), records, ids, options);
            if (q.viewMark() != null) {
                recentUse.record(view, q.rootObject(), ids,
                        "LastViewedDate".equals(q.viewMark()) ? RecentUse.VIEW : RecentUse.REFERENCE);
            }
        }
        long total = knownTotal;
        if (total < 0) {
            if (!more) {
                total = records.size();
            } else {
                total = Math.max(0, count(c, q.countSql().get(), q.parameters(), q.limitSlot() - 1) - q.userOffset());
                if (q.userLimit() >= 0) {
                    total = Math.min(total, q.userLimit());
                }
            }
        }
        ObjectNode out = JSON.objectNode();
        out.put("totalSize", total);
        out.put("done", !more);
        if (more) {
            String locator = locatorId != null ? locatorId
                    : locators.open(new QueryLocators.Cursor(q, view, options, total));
            out.put("nextRecordsUrl", "/services/data/v" + options.apiVersion() + "/query/" + locator + "-"
                    + (start + records.size()));
        }
        ArrayNode array = out.putArray("records");
        records.forEach(array::add);
        return out;
    }

    private void children(Connection c, RecordShape shape, List<ObjectNode> records, List<String> ids,
                          QueryOptions options) throws SQLException {
        for (RecordShape.Entry e : shape.entries) {
            if (!(e instanceof RecordShape.Children child)) {
                continue;
            }
            CompiledQuery q = child.query();
            // One statement per subquery over the whole parent page (never one per parent), grouped here.
            Map<String, List<ObjectNode>> byParent = new HashMap<>();
            RecordShaper writer = new RecordShaper(options.apiVersion());
            boolean deeper = !q.shape().childQueries().isEmpty();
            List<ObjectNode> allChildren = deeper ? new ArrayList<>() : null;
            List<String> childIds = deeper ? new ArrayList<>() : null;
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                bind(ps, q.parameters(), q.parameters().size());
                ps.setObject(q.parentIdsSlot(), ids.toArray(new String[0]));
                ps.setLong(q.limitSlot(), Long.MAX_VALUE);
                ps.setLong(q.offsetSlot(), 0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String parent = rs.getString(q.parentKeyColumn());
                        ObjectNode record = writer.record(q.shape(), rs);
                        byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(record);
                        if (deeper) {
                            allChildren.add(record);
                            childIds.add(rs.getString(q.shape().idColumn));
                        }
                    }
                }
            }
            if (deeper && !childIds.isEmpty()) {
                // The next level runs once over every child of the page, whichever parent it belongs to.
                children(c, q.shape(), allChildren, childIds, options);
            }
            for (int i = 0; i < records.size(); i++) {
                List<ObjectNode> rows = byParent.get(ids.get(i));
                if (rows == null || rows.isEmpty()) {
                    records.get(i).set(child.key(), NullNode.getInstance());
                    continue;
                }
                ObjectNode nested = JSON.objectNode();
                nested.put("totalSize", rows.size());
                nested.put("done", true);
                ArrayNode array = nested.putArray("records");
                rows.forEach(array::add);
                records.get(i).set(child.key(), nested);
            }
        }
    }

    private static long count(Connection c, String sql, List<Object> parameters, int bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters, bound);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Puts a pooled connection's session zone at UTC before a statement that converts time zones. */
    private static void session(Connection c, CompiledQuery q) throws SQLException {
        if (q.utcSession()) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> parameters, int bound) throws SQLException {
        for (int i = 0; i < bound; i++) {
            Object v = parameters.get(i);
            if (v != null) {
                ps.setObject(i + 1, v);
            }
        }
    }
}
