package dev.sfmcp.soql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.query.QueryEngine;
import dev.sfmcp.soql.query.QueryOptions;
import dev.sfmcp.soql.sosl.SearchEngine;
import dev.sfmcp.soql.dml.BulkRows;
import dev.sfmcp.soql.dml.RecentUse;
import dev.sfmcp.soql.dml.RecordChangeListener;
import dev.sfmcp.soql.dml.RecordReader;
import dev.sfmcp.soql.dml.RecordRenderer;
import dev.sfmcp.soql.dml.RecordWriter;
import dev.sfmcp.soql.dml.SObjectRecord;
import dev.sfmcp.soql.id.IdGenerator;
import dev.sfmcp.soql.schema.DescribeRenderer;
import dev.sfmcp.soql.schema.Schema;
import dev.sfmcp.soql.sql.RecordFilterCompiler;
import dev.sfmcp.soql.store.DeferredIndexes;
import dev.sfmcp.soql.store.OrgDatabase;
import dev.sfmcp.soql.store.ShareRows;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One org's data engine: its schema, H2 storage and Id generator, and every data operation the REST resources
 * behind the hosted-MCP tools perform, each run for a caller's {@link AccessView}. Errors are
 * {@link SalesforceException}s carrying the REST error Salesforce would answer.
 */
public final class DataEngine implements AutoCloseable {

    private final Schema schema;
    private final Clock clock;
    private final String orgId;
    private final OrgDatabase database;
    private final IdGenerator ids;
    private final RecordFilterCompiler filterCompiler;
    private final RecordRenderer renderer;
    private final DescribeRenderer describer;
    private final RecordWriter writer;
    private final RecordReader reader;
    private final QueryEngine queries;
    private final SearchEngine searches;
    private final Map<String, Map<String, Long>> savedSequences = new ConcurrentHashMap<>();

    /** An engine with the default REST API version in record URLs. */
    public DataEngine(Schema schema, Clock clock, String orgId) {
        this(schema, clock, orgId, RecordRenderer.DEFAULT_API_VERSION);
    }

    /** An engine whose record and describe URLs use {@code apiVersion} (e.g. {@code v66.0}). */
    public DataEngine(Schema schema, Clock clock, String orgId, String apiVersion) {
        this.schema = schema;
        this.clock = clock;
        this.orgId = orgId;
        this.database = new OrgDatabase(schema, orgId);
        this.ids = IdGenerator.forOrg(orgId);
        this.filterCompiler = new RecordFilterCompiler(schema);
        this.renderer = new RecordRenderer(apiVersion);
        this.describer = new DescribeRenderer(schema, apiVersion);
        this.writer = new RecordWriter(schema, database, clock, ids, filterCompiler);
        this.reader = new RecordReader(schema, database, clock, filterCompiler, renderer);
        this.queries = new QueryEngine(database, filterCompiler, clock, reader::markUsed);
        this.searches = new SearchEngine(schema, queries);
    }

    public Schema schema() { return schema; }
    public Clock clock() { return clock; }
    public String orgId() { return orgId; }
    public IdGenerator ids() { return ids; }

    /** The org's H2 storage, for the SOQL/SOSL compiler (layout: package {@code dev.sfmcp.soql.store}). */
    public OrgDatabase database() { return database; }

    /** The compiler of record filters into SQL predicates, shared with the SOQL compiler. */
    public RecordFilterCompiler filterCompiler() { return filterCompiler; }

    /** The REST record shaper, shared with the SOQL result shaper. */
    public RecordRenderer renderer() { return renderer; }

    /** Installs the listener told of every record change inside its transaction (the security model). */
    public void listener(RecordChangeListener listener) {
        writer.listener(listener);
    }

    // ---- describe -----------------------------------------------------------------------------------------

    /** {@code GET /sobjects} for the caller. */
    public ObjectNode describeGlobal(AccessView view) {
        return describer.describeGlobal(view);
    }

    /** {@code GET /sobjects/{o}/describe} for the caller. */
    public ObjectNode describe(AccessView view, String sObject) {
        return describer.describe(view, sObject);
    }

    // ---- DML ----------------------------------------------------------------------------------------------

    /** {@code POST /sobjects/{o}}: the 201 body {@code {id, success, errors}}. */
    public ObjectNode create(AccessView view, String sObject, JsonNode body) {
        String id = writer.create(view, sObject, body);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", id);
        out.put("success", true);
        out.putArray("errors");
        return out;
    }

    /** {@code PATCH /sobjects/{o}/{id}} (204 on success). */
    public void update(AccessView view, String sObject, String id, JsonNode body) {
        writer.update(view, sObject, id, body);
    }

    /** A read-modify-write of one record under its row lock: {@code change} computes the PATCH body from the current record. */
    public void modify(AccessView view, String sObject, String id, Function<SObjectRecord, JsonNode> change) {
        writer.modify(view, sObject, id, change);
    }

    /** {@code DELETE /sobjects/{o}/{id}}: to the recycle bin (204 on success). */
    public void delete(AccessView view, String sObject, String id) {
        writer.delete(view, sObject, id);
    }

    /** {@code GET /sobjects/{o}/{id}[?fields=]}. */
    public ObjectNode retrieve(AccessView view, String sObject, String id, List<String> fields) {
        return reader.retrieve(view, sObject, id, fields);
    }

    /** {@code GET /sobjects/{o}/{id}/{relationship-path}[?fields=]}. */
    public ObjectNode related(AccessView view, String sObject, String id, String path, List<String> fields) {
        return reader.related(view, sObject, id, path, fields);
    }

    /** {@code PATCH /sobjects/{o}/{id}/{relationship-path}}: updates the parent reached (child-to-parent only). */
    public void updateRelated(AccessView view, String sObject, String id, String path, JsonNode body) {
        RecordReader.Target target = reader.resolve(view, sObject, id, path);
        if (target.toMany()) {
            throw new SalesforceException(SalesforceError.of("METHOD_NOT_ALLOWED", "HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD", 405));
        }
        writer.update(view, target.type().name(), target.id(), body);
    }

    /** {@code DELETE /sobjects/{o}/{id}/{relationship-path}}: deletes the parent reached (child-to-parent only). */
    public void deleteRelated(AccessView view, String sObject, String id, String path) {
        RecordReader.Target target = reader.resolve(view, sObject, id, path);
        if (target.toMany()) {
            throw new SalesforceException(SalesforceError.of("METHOD_NOT_ALLOWED", "HTTP Method 'DELETE' not allowed. Allowed are GET,HEAD", 405));
        }
        writer.delete(view, target.type().name(), target.id());
    }

    /** Records a view or reference of records by the caller (LastViewedDate / LastReferencedDate, RecentlyViewed). */
    public void markUsed(AccessView view, String sObject, Collection<String> ids, RecentUse use) {
        reader.markUsed(view, sObject, ids, use);
    }

    /** The caller's recently used records of an object, newest first ({@code recentItems}). */
    public ArrayNode recentItems(AccessView view, String sObject, int limit) {
        return reader.recentItems(view, sObject, limit);
    }

    /** Purges records deleted more than 15 days ago (on the engine's clock). */
    public int purgeRecycleBin() {
        return writer.purgeRecycleBin();
    }

    // ---- SOQL and SOSL ------------------------------------------------------------------------------------

    /** {@code /query} ({@code queryAll} false) or {@code /queryAll}: the REST envelope, or a SalesforceException. */
    public ObjectNode query(AccessView view, String soql, boolean queryAll) {
        return queries.query(view, soql, queryAll ? QueryOptions.queryAll() : QueryOptions.defaults());
    }

    /** A query with explicit options (batch size, API version in URLs). */
    public ObjectNode query(AccessView view, String soql, QueryOptions options) {
        return queries.query(view, soql, options);
    }

    /** The next batch of an open query: {@code locator} is the {@code nextRecordsUrl} or its last segment. */
    public ObjectNode queryMore(AccessView view, String locator) {
        return queries.queryMore(view, locator);
    }

    /** {@code /search}: {@code {"searchRecords":[...]}}, or a SalesforceException. */
    public ObjectNode search(AccessView view, String sosl) {
        return searches.search(view, sosl);
    }

    /** The SOQL engine itself (plans, for benchmarks and tools that page by hand). */
    public QueryEngine queries() {
        return queries;
    }

    // ---- loading, sharing and reset -----------------------------------------------------------------------

    /** Loads records without access checks (fixtures, generators), batched; answers their Ids in order. */
    public List<String> bulkInsert(String sObject, List<? extends Map<String, ?>> records, String userId) {
        return writer.bulkInsert(sObject, records, userId);
    }

    /**
     * Records given column-wise, made ready for a bulk load without access checks: {@code fields} once, then per row
     * one value per field in that order (null: not given); Ids issued, values checked and converted, nothing written.
     * A loader can make the next batch ready on one thread while {@link #storeRows} writes this one.
     */
    public BulkRows prepareRows(String sObject, List<String> fields, List<Object[]> rows, String userId) {
        return writer.prepareRows(sObject, fields, rows, userId);
    }

    /** Writes records made ready by {@link #prepareRows} in one transaction; answers their Ids. */
    public List<String> storeRows(BulkRows rows) {
        return writer.store(rows);
    }

    /** Below this many incoming records an object's indexes are kept up to date row by row. */
    static final int DEFERRED_INDEX_THRESHOLD = 10_000;

    /**
     * Runs a large load ({@code work}, calling {@link #bulkInsert}) with the secondary indexes of the objects that
     * receive at least as many records as they hold (and at least 10,000) built once instead of row by row: each
     * object's as soon as {@code work} calls {@link DeferredIndexes#loaded} for it (beside the rest of the load),
     * the others at the end. {@code incoming} gives the expected record count per object name.
     */
    public <T> T bulkLoad(Map<String, Integer> incoming, java.util.function.Function<DeferredIndexes, T> work) {
        List<dev.sfmcp.soql.schema.SObjectType> deferred = new java.util.ArrayList<>();
        incoming.forEach((name, count) -> schema.find(name).ifPresent(type -> {
            if (count != null && count >= DEFERRED_INDEX_THRESHOLD && count >= database.count(type.name())) {
                deferred.add(type);
            }
        }));
        return database.withoutSecondaryIndexes(deferred, work);
    }

    /** Work on share rows and group membership, in one transaction. */
    @FunctionalInterface
    public interface ShareWork<T> {
        T run(ShareRows shares) throws SQLException;
    }

    /** Runs {@code work} on the share tables in its own transaction (sharing rules, manual shares, groups). */
    public <T> T withShareRows(ShareWork<T> work) {
        return database.inTransaction(c -> work.run(new ShareRows(c, schema, ids)));
    }

    /** Saves the org's whole state (records, shares, Id sequences) under {@code name}. */
    public void snapshot(String name) {
        database.snapshot(name);
        savedSequences.put(name, ids.sequences());
    }

    /** Returns the org to the state saved under {@code name}. */
    public void restore(String name) {
        Map<String, Long> sequences = savedSequences.get(name);
        if (sequences == null) {
            throw new IllegalArgumentException("no snapshot named " + name);
        }
        database.restore(name);
        ids.restore(sequences);
    }

    @Override
    public void close() {
        database.close();
    }
}
