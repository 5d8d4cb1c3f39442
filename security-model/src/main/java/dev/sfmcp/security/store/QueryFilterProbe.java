package dev.sfmcp.security.store;

import dev.sfmcp.security.principal.SalesforceIds;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;
import dev.sfmcp.soql.query.QueryEngine;
import dev.sfmcp.soql.query.QueryOptions;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evaluates a filter on one record with the engine's own query path: a {@code SELECT COUNT() ... WHERE Id = ...}
 * run through a view that restricts the probed object to exactly that filter. The engine reads committed data on
 * a connection of its own, so the probe sees the org as of the last commit (what explanations and the sharing
 * checks of manual shares need).
 */
public final class QueryFilterProbe implements FilterProbe {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final QueryEngine engine;

    public QueryFilterProbe(QueryEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean matches(Connection ignored, String sObject, String recordId, RecordFilter filter) {
        // both reach SOQL text, so both are checked to be what they claim to be
        if (recordId == null || !ID.matcher(recordId).matches() || !API_NAME.matcher(sObject).matches()) {
            return false;
        }
        String id18 = recordId.length() == 15 ? SalesforceIds.to18(recordId) : recordId;
        var result = engine.query(new ProbeView(sObject, filter), "SELECT COUNT() FROM " + sObject + " WHERE Id = '" + id18 + "'",
                QueryOptions.defaults());
        return result.get("totalSize").asLong() > 0;
    }

    /** Every object and field visible; the probed object's records restricted to the probed filter. */
    private record ProbeView(String sObject, RecordFilter filter) implements AccessView {
        @Override public String userId() { return null; }
        @Override public java.time.ZoneId timeZone() { return ZoneOffset.UTC; }
        @Override public Locale locale() { return Locale.US; }
        @Override public boolean canReadObject(String o) { return true; }
        @Override public boolean canCreate(String o) { return true; }
        @Override public boolean canEdit(String o) { return true; }
        @Override public boolean canDelete(String o) { return true; }
        @Override public boolean canReadField(String o, String f) { return true; }
        @Override public boolean canEditField(String o, String f) { return true; }

        @Override
        public RecordFilter recordFilter(String o, AccessLevel level) {
            return o.equalsIgnoreCase(sObject) ? filter : RecordFilter.ALL;
        }
    }
}
