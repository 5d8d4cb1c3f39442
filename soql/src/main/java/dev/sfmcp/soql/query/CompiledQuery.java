package dev.sfmcp.soql.query;

import java.util.List;
import java.util.function.Supplier;

/**
 * A SOQL statement bound to the caller's view and compiled to one H2 statement, with everything the engine
 * needs to run it, page it and shape its rows.
 *
 * @param sql            the H2 SELECT, rendered from JSqlParser's model, with numbered parameters
 * @param parameters     values of the parameters; null entries are the slots below, filled at execution
 * @param limitSlot      1-based index of the LIMIT parameter
 * @param offsetSlot     1-based index of the OFFSET parameter
 * @param parentIdsSlot  for a child subquery: index of the parent-Id array parameter, else 0
 * @param parentKeyColumn for a child subquery: 1-based column holding the parent Id, else 0
 * @param countSql       renders the same statement counting its rows (for totalSize across pages), with the
 *                       same parameters; rendered only when a query needs more than one page
 * @param shape          how rows become records
 * @param userLimit      the statement's LIMIT, or -1
 * @param userOffset     the statement's OFFSET, or 0
 * @param countOnly      {@code SELECT COUNT()}: only totalSize is answered
 * @param aggregate      rows are AggregateResult rows (GROUP BY results cannot be paged by locator)
 * @param viewMark       the system field FOR VIEW / FOR REFERENCE stamps on returned records, or null
 * @param rootObject     the FROM object
 * @param utcSession     the statement converts time zones (convertTimezone) and must run with H2's session
 *                       time zone at UTC, the zone the store's timestamps are in
 * @param reusable       the plan depends only on its text, view and options (not on the clock, as relative date
 *                       literals do, nor on a condition added from outside): it may be kept and run again
 */
public record CompiledQuery(String sql, List<Object> parameters, int limitSlot, int offsetSlot, int parentIdsSlot,
                            int parentKeyColumn, Supplier<String> countSql, RecordShape shape, long userLimit, long userOffset,
                            boolean countOnly, boolean aggregate, String viewMark, String rootObject,
                            boolean utcSession, boolean reusable) {
}
