package dev.sfmcp.soql.query.bench;

import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.id.SalesforceId;
import dev.sfmcp.soql.query.CompiledQuery;
import dev.sfmcp.soql.query.QueryEngine;
import dev.sfmcp.soql.query.QueryOptions;
import dev.sfmcp.soql.schema.StandardObjects;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The query engine's costs, each beside the same SQL run directly through JDBC on the same data in the same run:
 * parse+bind+plan of a 5-clause query, a selective indexed query end to end (with shaping), and a child
 * subquery over 200 parents. Planning is measured with the parse-tree cache warm (the same text again) and
 * cold (a text never seen). Data: {@code -Dbench.accounts} Accounts and {@code -Dbench.contacts} Contacts (the
 * issue's 1,000,000 and 3,000,000 unless told), loaded with JDBC batches in the store's layout.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_000_000);
    static final int CONTACTS = Integer.getInteger("bench.contacts", 3_000_000);
    static final String USER = SalesforceId.to18("005000000000001");

    static final String FIVE_CLAUSES = "SELECT Id, Name, Owner.Name FROM Account WHERE Industry = 'Technology'"
            + " AND NumberOfEmployees > 100 ORDER BY Name LIMIT 10";
    static final String SELECTIVE = "SELECT Id, Name, Industry, CreatedDate FROM Account WHERE Name = 'Account 054321'";
    static final String CHILDREN = "SELECT Id, Name, (SELECT Id, LastName, Email FROM Contacts) FROM Account"
            + " WHERE Name >= 'Account 010000' AND Name < 'Account 010200'";

    private DataEngine data;
    private QueryEngine engine;
    private AccessView admin;
    private QueryOptions options;
    private Connection jdbc;
    private CompiledQuery fivePlan;
    private CompiledQuery selectivePlan;
    private CompiledQuery childrenPlan;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        Clock clock = Clock.fixed(Instant.parse("2024-05-15T12:00:00Z"), ZoneOffset.UTC);
        data = new DataEngine(StandardObjects.schema(), clock, "00D000000000001");
        engine = data.queries();
        admin = AccessView.system(USER, ZoneOffset.UTC, Locale.US);
        options = QueryOptions.defaults();
        String[] industries = {"Technology", "Media", "Retail", "Banking", "Energy"};
        try (Connection c = data.database().connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"User\" (\"Id\", \"Username\", \"LastName\","
                    + " \"Name\", \"IsActive\") VALUES (?, 'bench@example.com', 'Bench', 'Bench User', TRUE)")) {
                ps.setString(1, USER);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Account\" (\"Id\", \"Name\", \"Industry\","
                    + " \"NumberOfEmployees\", \"OwnerId\", \"CreatedDate\") VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    ps.setString(1, SalesforceId.to18("001" + String.format("%012d", i)));
                    ps.setString(2, String.format("Account %06d", i));
                    ps.setString(3, industries[i % industries.length]);
                    ps.setInt(4, i % 1000);
                    ps.setString(5, USER);
                    ps.setObject(6, java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i));
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Contact\" (\"Id\", \"AccountId\", \"LastName\","
                    + " \"Name\", \"Email\", \"OwnerId\") VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < CONTACTS; i++) {
                    ps.setString(1, SalesforceId.to18("003" + String.format("%012d", i)));
                    ps.setString(2, SalesforceId.to18("001" + String.format("%012d", i % ACCOUNTS)));
                    ps.setString(3, "Last" + i);
                    ps.setString(4, "First Last" + i);
                    ps.setString(5, "c" + i + "@example.com");
                    ps.setString(6, USER);
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        jdbc = data.database().connection();
        fivePlan = engine.plan(admin, FIVE_CLAUSES, options);
        selectivePlan = engine.plan(admin, SELECTIVE, options);
        childrenPlan = engine.plan(admin, CHILDREN, options);
        check();
    }

    /** Guards the figures: the benchmarked queries must answer what they are meant to. */
    private void check() {
        int children = engine.query(admin, CHILDREN, options).get("records").size();
        if (children != 200) {
            throw new IllegalStateException("expected 200 parents, got " + children);
        }
        if (engine.query(admin, SELECTIVE, options).get("totalSize").asInt() != 1) {
            throw new IllegalStateException("selective query should find one record");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        jdbc.close();
        data.close();
    }

    @Benchmark
    public CompiledQuery planFiveClauses() {
        return engine.plan(admin, FIVE_CLAUSES, options);
    }

    private int variant;

    /** The same plan with a statement text never seen before, so the parse-tree cache cannot help. */
    @Benchmark
    public CompiledQuery planFiveClausesColdParse() {
        variant = (variant + 1) % 100_000;
        return engine.plan(admin, "SELECT Id, Name, Owner.Name FROM Account WHERE Industry = 'Technology'"
                + " AND NumberOfEmployees > " + variant + " ORDER BY Name LIMIT 10", options);
    }

    @Benchmark
    public void planFiveClausesJdbc(Blackhole bh) throws SQLException {
        runRaw(fivePlan, 11, bh);
    }

    @Benchmark
    public Object selectiveEndToEnd() {
        return engine.query(admin, SELECTIVE, options);
    }

    @Benchmark
    public void selectiveJdbc(Blackhole bh) throws SQLException {
        runRaw(selectivePlan, 2001, bh);
    }

    @Benchmark
    public Object childSubquery200Parents() {
        return engine.query(admin, CHILDREN, options);
    }

    @Benchmark
    public void childSubquery200ParentsJdbc(Blackhole bh) throws SQLException {
        List<String> ids = runRaw(childrenPlan, 2001, bh);
        CompiledQuery child = null;
        for (Object e : childEntries()) {
            child = (CompiledQuery) e;
        }
        try (PreparedStatement ps = jdbc.prepareStatement(child.sql())) {
            bind(ps, child);
            ps.setObject(child.parentIdsSlot(), ids.toArray(new String[0]));
            ps.setLong(child.limitSlot(), Long.MAX_VALUE);
            ps.setLong(child.offsetSlot(), 0);
            consume(ps, bh);
        }
    }

    private Collection<Object> childEntries() {
        List<Object> out = new ArrayList<>();
        childrenPlan.shape().childQueries().forEach(out::add);
        return out;
    }

    /** The compiled statement through plain JDBC: bind, execute, read every column; answers the first column. */
    private List<String> runRaw(CompiledQuery q, long limit, Blackhole bh) throws SQLException {
        List<String> first = new ArrayList<>();
        try (PreparedStatement ps = jdbc.prepareStatement(q.sql())) {
            bind(ps, q);
            ps.setLong(q.limitSlot(), limit);
            ps.setLong(q.offsetSlot(), 0);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    first.add(rs.getString(1));
                    for (int i = 1; i <= columns; i++) {
                        bh.consume(rs.getObject(i));
                    }
                }
            }
        }
        return first;
    }

    private static void consume(PreparedStatement ps, Blackhole bh) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    bh.consume(rs.getObject(i));
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, CompiledQuery q) throws SQLException {
        for (int i = 0; i < q.parameters().size(); i++) {
            if (q.parameters().get(i) != null) {
                ps.setObject(i + 1, q.parameters().get(i));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options opts = new OptionsBuilder()
                .include(QueryBenchmark.class.getName() + ".*")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(4).measurementTime(TimeValue.seconds(1))
                // the forked JVM holds the data set: about 1 GB per million records, plus room to work
                .jvmArgsAppend("-Xmx" + Math.max(2, (ACCOUNTS + CONTACTS) / 1_000_000 + 2) + "g",
                        "-Dbench.accounts=" + ACCOUNTS, "-Dbench.contacts=" + CONTACTS)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Double> us = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            us.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("== sfmcp query engine vs raw JDBC (" + ACCOUNTS + " Accounts, " + CONTACTS + " Contacts), "
                + "average microseconds per operation ==");
        row("parse+bind+plan, 5-clause query (target < 100 us)", us.get("planFiveClauses"),
                "same SQL executed by JDBC", us.get("planFiveClausesJdbc"));
        row("  the same with a text never parsed before (cold parse)", us.get("planFiveClausesColdParse"),
                "same SQL executed by JDBC", us.get("planFiveClausesJdbc"));
        row("selective indexed query end to end (target <= JDBC + 100 us)", us.get("selectiveEndToEnd"),
                "same SQL by JDBC", us.get("selectiveJdbc"));
        row("child subquery over 200 parents (target < 5000 us)", us.get("childSubquery200Parents"),
                "same two statements by JDBC", us.get("childSubquery200ParentsJdbc"));
    }

    private static void row(String what, Double engine, String besideWhat, Double jdbc) {
        System.out.printf(Locale.ROOT, "%-66s %10.1f us   | %-28s %10.1f us%n", what, engine, besideWhat, jdbc);
    }
}
