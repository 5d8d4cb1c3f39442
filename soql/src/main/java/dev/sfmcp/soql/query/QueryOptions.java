package dev.sfmcp.soql.query;

/**
 * How a query runs beyond its text.
 *
 * @param includeDeleted {@code /queryAll}: soft-deleted rows are returned too
 * @param batchSize      records per page, clamped to Salesforce's 200..2000 (header {@code Sforce-Query-Options})
 * @param apiVersion     the REST version in record and locator URLs, e.g. {@code 66.0}
 */
public record QueryOptions(boolean includeDeleted, int batchSize, String apiVersion) {

    public static final int MAX_BATCH = 2000;

    public QueryOptions {
        batchSize = Math.max(200, Math.min(MAX_BATCH, batchSize));
        apiVersion = apiVersion == null ? "66.0" : apiVersion;
    }

    /** {@code /query} with the default batch of 2000. */
    public static QueryOptions defaults() {
        return new QueryOptions(false, MAX_BATCH, "66.0");
    }

    /** {@code /queryAll}. */
    public static QueryOptions queryAll() {
        return new QueryOptions(true, MAX_BATCH, "66.0");
    }

    public QueryOptions withBatchSize(int size) {
        return new QueryOptions(includeDeleted, size, apiVersion);
    }

    public QueryOptions withApiVersion(String version) {
        return new QueryOptions(includeDeleted, batchSize, version);
    }
}
