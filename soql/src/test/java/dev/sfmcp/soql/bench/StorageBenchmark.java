package dev.sfmcp.soql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.soql.DataEngine;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.schema.FieldDef;
import dev.sfmcp.soql.schema.SObjectType;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.schema.StandardObjects;
import dev.sfmcp.soql.store.StorageLayout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The storage benchmark (run by {@code mvn -Pbench -pl soql verify}): bulk insert rate, selective retrieve by Id
 * end to end (JSON shaping and serialisation included) and heap used by Accounts and Contacts, each printed
 * beside the same work done with plain JDBC on plain H2 tables. A timed driver rather than JMH: the figures that
 * matter (rows per second, microseconds per call over many thousands of calls, megabytes) are far above timer
 * resolution. Sizes: -Dbench.accounts (default 1,000,000), -Dbench.contacts (default 3,000,000).
 */
public final class StorageBenchmark {

    private static final int CHUNK = 10_000;
    private static final String[] INDUSTRIES = {"Media", "Banking", "Retail", "Technology", "Energy", "Healthcare"};
    private static final String[] CITIES = {"Paris", "London", "Berlin", "Madrid", "Rome", "Lisbon", "Oslo"};

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 1_000_000);
        int contacts = Integer.getInteger("bench.contacts", 3_000_000);
        Schema schema = StandardObjects.schema();
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC);
        String user = "005000000000001AAA";
        System.out.printf(Locale.ROOT, "%n=== soql storage benchmark: %,d Accounts + %,d Contacts ===%n", accounts, contacts);

        snapshotRestore(schema, clock, user);
        warmUp(schema, clock, user);
        insertsSideBySide(schema, clock, user);

        long heapBase = usedHeap();
        DataEngine engine = new DataEngine(schema, clock, "00DBENCH00000001AAA");
        long engineEmpty = usedHeap();
        List<String> sampleIds = new ArrayList<>();
        Random random = new Random(42);
        // The large load goes through bulkLoad, as generators and imports do: indexes built once at the end.
        DataEngine loading = engine;
        long t0 = System.nanoTime();
        loading.bulkLoad(Map.of("Account", accounts), indexes -> {
            for (int done = 0; done < accounts; done += CHUNK) {
                List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
                for (int i = done; i < Math.min(accounts, done + CHUNK); i++) {
                    chunk.add(account(i));
                }
                List<String> ids = loading.bulkInsert("Account", chunk, user);
                if (sampleIds.size() < 10_000) {
                    sampleIds.add(ids.get(random.nextInt(ids.size())));
                }
            }
            return null;
        });
        double accountSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        loading.bulkLoad(Map.of("Contact", contacts), indexes -> {
            for (int done = 0; done < contacts; done += CHUNK) {
                List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
                for (int i = done; i < Math.min(contacts, done + CHUNK); i++) {
                    chunk.add(contact(i, sampleIds.get(i % sampleIds.size())));
                }
                loading.bulkInsert("Contact", chunk, user);
            }
            return null;
        });
        double contactSeconds = (System.nanoTime() - t0) / 1e9;
        long engineHeap = usedHeap() - engineEmpty;

        // retrieve by Id: the engine end to end versus the same SELECT through plain JDBC on the same table
        AccessView admin = AccessView.system(user, ZoneOffset.UTC, Locale.US);
        List<String> fields = List.of("Id", "Name", "Industry", "BillingCity", "AnnualRevenue", "NumberOfEmployees", "CreatedDate");
        ObjectMapper json = new ObjectMapper();
        SObjectType accountType = schema.find("Account").orElseThrow();
        String rawSql = "SELECT \"Id\", \"Name\", \"Industry\", \"BillingCity\", \"AnnualRevenue\", \"NumberOfEmployees\", \"CreatedDate\" FROM \"Account\" WHERE \"Id\" = ? AND \"IsDeleted\" = FALSE";
        int calls = 50_000;
        long sink = 0;
        int rounds = 6;
        for (int round = 0; round < rounds; round++) { // the first rounds warm up both paths (JIT); the last one is reported
            long e0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += json.writeValueAsString(engine.retrieve(admin, "Account", sampleIds.get(i % sampleIds.size()), fields)).length();
            }
            double engineMicros = (System.nanoTime() - e0) / 1e3 / calls;
            long r0 = System.nanoTime();
            try (Connection c = engine.database().connection()) {
                for (int i = 0; i < calls; i++) {
                    try (PreparedStatement ps = c.prepareStatement(rawSql)) {
                        ps.setString(1, sampleIds.get(i % sampleIds.size()));
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                sink += rs.getString(1).length() + rs.getString(2).length();
                                rs.getString(3); rs.getString(4); rs.getBigDecimal(5); rs.getInt(6); rs.getObject(7, LocalDateTime.class);
                            }
                        }
                    }
                }
            }
            double rawMicros = (System.nanoTime() - r0) / 1e3 / calls;
            if (round == rounds - 1) {
                System.out.printf(Locale.ROOT, "retrieve by Id (7 fields, JSON string): engine %.1f us/call, raw JDBC %.1f us/call, overhead %.1f us (target <= 100 us)%n",
                        engineMicros, rawMicros, engineMicros - rawMicros);
            }
        }
        engine.close();
        engine = null;

        // raw H2: the same columns and rows in plain tables with a primary key and no other index
        long rawBase = usedHeap();
        Connection raw = DriverManager.getConnection("jdbc:h2:mem:rawbench;DB_CLOSE_DELAY=-1");
        try (Statement st = raw.createStatement()) {
            for (String object : List.of("Account", "Contact")) {
                st.execute(plainTable(schema.find(object).orElseThrow()));
            }
        }
        raw.setAutoCommit(false);
        t0 = System.nanoTime();
        rawInsert(raw, schema.find("Account").orElseThrow(), accounts, i -> account(i), user, clock, "001");
        double rawAccountSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        rawInsert(raw, schema.find("Contact").orElseThrow(), contacts, i -> contact(i, "001" + String.format("%015d", i % 10_000)), user, clock, "003");
        double rawContactSeconds = (System.nanoTime() - t0) / 1e9;
        long rawHeap = usedHeap() - rawBase;

        System.out.printf(Locale.ROOT, "bulk load Accounts (bulkLoad, indexes built at the end): engine %,.0f records/s, raw JDBC batches into a primary-key-only table %,.0f records/s (target >= 50,000)%n",
                accounts / accountSeconds, accounts / rawAccountSeconds);
        System.out.printf(Locale.ROOT, "bulk load Contacts (bulkLoad, indexes built at the end): engine %,.0f records/s, raw JDBC batches into a primary-key-only table %,.0f records/s (target >= 50,000)%n",
                contacts / contactSeconds, contacts / rawContactSeconds);
        System.out.printf(Locale.ROOT, "heap for the data set: engine %,d MB (%,d MB empty org), raw H2 tables %,d MB, ratio %.2fx (target <= 1.2x)%n",
                engineHeap >> 20, (engineEmpty - heapBase) >> 20, rawHeap >> 20, (double) engineHeap / rawHeap);
        System.out.println("(checksum " + sink + ")");
        raw.close();
    }

    /**
     * Runs both insert paths on throwaway databases first, so that neither measured path pays the JIT warm-up of
     * H2's own insert code for the other.
     */
    private static void warmUp(Schema schema, Clock clock, String user) throws Exception {
        try (DataEngine engine = new DataEngine(schema, clock, "00DBENCH00000003AAA")) {
            for (int done = 0; done < 60_000; done += CHUNK) {
                List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
                for (int i = done; i < done + CHUNK; i++) {
                    chunk.add(account(i));
                }
                engine.bulkInsert("Account", chunk, user);
            }
        }
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:rawwarmup")) {
            try (Statement st = raw.createStatement()) {
                st.execute(plainTable(schema.find("Account").orElseThrow()));
            }
            raw.setAutoCommit(false);
            rawInsert(raw, schema.find("Account").orElseThrow(), 60_000, i -> account(i), user, clock, "001");
        }
    }

    /**
     * Insert rate of the engine beside plain JDBC batches into (a) a table with the engine's layout and indexes and
     * (b) a table with a primary key only, in interleaved rounds so that load on a shared machine hits all three
     * alike; the later half of the rounds is reported.
     */
    private static void insertsSideBySide(Schema schema, Clock clock, String user) throws Exception {
        SObjectType account = schema.find("Account").orElseThrow();
        int perRound = 25_000;
        int rounds = 8;
        double[] sums = new double[3];
        // CPU time of this thread (H2 in memory runs in it) beside wall time: on a shared, loaded machine the wall
        // rate mostly measures the other processes, the CPU rate what each insert path costs.
        double[] cpuSums = new double[3];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        try (DataEngine engine = new DataEngine(schema, clock, "00DBENCH00000004AAA");
             Connection sameLayout = DriverManager.getConnection("jdbc:h2:mem:rawsame");
             Connection pkOnly = DriverManager.getConnection("jdbc:h2:mem:rawpk")) {
            try (Statement st = sameLayout.createStatement()) {
                for (String ddl : StorageLayout.createStatements(account)) {
                    st.execute(ddl);
                }
            }
            try (Statement st = pkOnly.createStatement()) {
                st.execute(plainTable(account));
            }
            sameLayout.setAutoCommit(false);
            pkOnly.setAutoCommit(false);
            for (int round = 0; round < rounds; round++) {
                int base = round * perRound;
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int done = 0; done < perRound; done += CHUNK) {
                    List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
                    for (int i = done; i < Math.min(perRound, done + CHUNK); i++) {
                        chunk.add(account(base + i));
                    }
                    engine.bulkInsert("Account", chunk, user);
                }
                double e = perRound / ((System.nanoTime() - t0) / 1e9);
                double eCpu = perRound / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
                c0 = cpu.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                rawInsert(sameLayout, account, perRound, i -> account(base + i), user, clock, "001" + round);
                double same = perRound / ((System.nanoTime() - t0) / 1e9);
                double sameCpu = perRound / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
                c0 = cpu.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                rawInsert(pkOnly, account, perRound, i -> account(base + i), user, clock, "001" + round);
                double pk = perRound / ((System.nanoTime() - t0) / 1e9);
                double pkCpu = perRound / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
                if (round >= rounds / 2) {
                    sums[0] += e;
                    sums[1] += same;
                    sums[2] += pk;
                    cpuSums[0] += eCpu;
                    cpuSums[1] += sameCpu;
                    cpuSums[2] += pkCpu;
                }
            }
        }
        int n = rounds - rounds / 2;
        System.out.printf(Locale.ROOT, "bulk insert Accounts side by side: engine %,.0f records/s, raw JDBC into the engine's layout %,.0f records/s, raw JDBC into a primary-key-only table %,.0f records/s%n",
                sums[0] / n, sums[1] / n, sums[2] / n);
        System.out.printf(Locale.ROOT, "  the same per CPU second of the inserting thread: engine %,.0f records/s, raw JDBC into the engine's layout %,.0f records/s, primary-key-only %,.0f records/s (target >= 50,000)%n",
                cpuSums[0] / n, cpuSums[1] / n, cpuSums[2] / n);
    }

    /** Snapshot and restore of an org of a few thousand records (target: well under 100 ms). */
    private static void snapshotRestore(Schema schema, Clock clock, String user) {
        try (DataEngine engine = new DataEngine(schema, clock, "00DBENCH00000002AAA")) {
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                accounts.add(account(i));
            }
            List<String> accountIds = engine.bulkInsert("Account", accounts, user);
            List<Map<String, Object>> contacts = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                contacts.add(contact(i, accountIds.get(i % accountIds.size())));
            }
            engine.bulkInsert("Contact", contacts, user);
            long s0 = System.nanoTime();
            engine.snapshot("baseline");
            double snapshotMillis = (System.nanoTime() - s0) / 1e6;
            int rounds = 30;
            double restoreMillis = 0;
            for (int r = 0; r < rounds; r++) {
                engine.bulkInsert("Account", List.of(account(r)), user);
                long r0 = System.nanoTime();
                engine.restore("baseline");
                if (r >= 10) { // the first rounds warm up
                    restoreMillis += (System.nanoTime() - r0) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "snapshot of 4,000 records %.1f ms; restore %.1f ms on average (target well under 100 ms)%n",
                    snapshotMillis, restoreMillis / (rounds - 10));
        }
    }

    private static Map<String, Object> account(int i) {
        Map<String, Object> a = new HashMap<>();
        a.put("Name", "Account " + i);
        a.put("Industry", INDUSTRIES[i % INDUSTRIES.length]);
        a.put("BillingCity", CITIES[i % CITIES.length]);
        a.put("Phone", "+1 415 555 " + String.format("%04d", i % 10_000));
        a.put("AnnualRevenue", BigDecimal.valueOf(100_000L + (i % 1000) * 1000L));
        a.put("NumberOfEmployees", 10 + i % 5000);
        return a;
    }

    private static Map<String, Object> contact(int i, String accountId) {
        Map<String, Object> c = new HashMap<>();
        c.put("FirstName", "First" + (i % 1000));
        c.put("LastName", "Last" + i);
        c.put("Email", "person" + i + "@example.com");
        c.put("Phone", "+1 415 555 " + String.format("%04d", i % 10_000));
        c.put("AccountId", accountId);
        return c;
    }

    private static String plainTable(SObjectType type) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(StorageLayout.quote(type.name())).append(" (");
        boolean first = true;
        for (FieldDef f : type.storedFields()) {
            ddl.append(first ? "" : ", ").append(StorageLayout.quote(f.name())).append(' ').append(StorageLayout.columnType(f));
            if (f.name().equals("Id")) {
                ddl.append(" PRIMARY KEY");
            }
            first = false;
        }
        return ddl.append(')').toString();
    }

    /** Plain batched inserts of the same values the engine stores (system fields included). */
    private static void rawInsert(Connection c, SObjectType type, int count, java.util.function.IntFunction<Map<String, Object>> rows,
                                  String user, Clock clock, String prefix) throws Exception {
        List<FieldDef> fields = type.storedFields();
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            cols.append(i == 0 ? "" : ", ").append(StorageLayout.quote(fields.get(i).name()));
            marks.append(i == 0 ? "?" : ", ?");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + StorageLayout.quote(type.name()) + " (" + cols + ") VALUES (" + marks + ")")) {
            for (int n = 0; n < count; n++) {
                Map<String, Object> row = new HashMap<>(rows.apply(n));
                row.put("Id", prefix + String.format("%0" + (18 - prefix.length()) + "d", n));
                row.put("OwnerId", user);
                row.put("CreatedById", user);
                row.put("LastModifiedById", user);
                row.put("CreatedDate", now);
                row.put("LastModifiedDate", now);
                row.put("SystemModstamp", now);
                if (row.containsKey("LastName")) {
                    row.put("Name", row.get("FirstName") + " " + row.get("LastName"));
                }
                for (int i = 0; i < fields.size(); i++) {
                    Object v = row.get(fields.get(i).name());
                    if (v == null && fields.get(i).type() == dev.sfmcp.soql.schema.FieldType.BOOLEAN) {
                        v = Boolean.FALSE;
                    }
                    ps.setObject(i + 1, v);
                }
                ps.addBatch();
                if (n % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
