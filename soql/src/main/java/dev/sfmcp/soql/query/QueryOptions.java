package dev.sfmcp.soql.query;

/**
 * How a query runs beyond its text.
 *
 * @param includeDeleted {@code /queryAll}: soft-deleted rows are returned too
 * @param batchSize      records per page, clamped to Salesforce's 200..2000 (header {@code Sforce-Query-Options})
 * @param apiVersion     the REST version in record and locator URLs, e.g. {@code 66.0}
 * @param acceptSecurityClauses whether {@code WITH SECURITY_ENFORCED|USER_MODE|SYSTEM_MODE} are accepted (and
 *                       ignored, REST already runs as the user) or rejected as unexpected tokens; how REST
 *                       treats them is undocumented, accepting is the likelier behaviour
 */
public record QueryOptions(boolean includeDeleted, int batchSize, String apiVersion, boolean acceptSecurityClauses) {

    public static final int MAX_BATCH = 2000;

    public QueryOptions(boolean includeDeleted, int batchSize, String apiVersion) {
        this(includeDeleted, batchSize, apiVersion, true);
    }

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
        return new QueryOptions(includeDeleted, size, apiVersion, acceptSecurityClauses);
    }

    public QueryOptions withApiVersion(String version) {
        return new QueryOptions(includeDeleted, batchSize, version, acceptSecurityClauses);
    }

    /** Whether subqueries may nest below the first level: REST allows up to five levels from API 58.0. */
    public boolean multiLevelChildren() {
        try {
            return Double.parseDouble(apiVersion) >= 58.0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public QueryOptions withSecurityClauses(boolean accept) {
        return new QueryOptions(includeDeleted, batchSize, apiVersion, accept);
    }
}
