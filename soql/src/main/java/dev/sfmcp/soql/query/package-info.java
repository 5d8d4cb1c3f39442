/**
 * SOQL: parse with apex-parser's SOQL grammar ({@link dev.sfmcp.soql.query.SoqlSyntax}), bind every name
 * case-insensitively against the caller's {@link dev.sfmcp.soql.access.AccessView} and compile to one H2 SELECT
 * built with JSqlParser's statement model, every value a numbered bound parameter
 * ({@code QueryCompiler}); run, page and shape into the REST envelope ({@link dev.sfmcp.soql.query.QueryEngine}).
 *
 * <ul>
 *   <li>Access lives in the SQL: the view's read filter is compiled (by {@code dev.sfmcp.soql.sql}) for the FROM
 *       table (WHERE), for every parent reached by a path (in the LEFT JOIN's ON, so a hidden parent reads as
 *       null), for every child subquery and semi-/anti-join. Unreadable objects are INVALID_TYPE, unreadable
 *       fields INVALID_FIELD "No such column", everywhere in the statement.</li>
 *   <li>Errors are Salesforce's, with the caret header ({@link dev.sfmcp.soql.query.QueryErrors}); an internal
 *       failure is UNKNOWN_EXCEPTION with an ErrorId, never a stack trace.</li>
 *   <li>Child subqueries run as one statement per relationship over the page's parent Ids
 *       ({@code fk = ANY(?)}), their LIMIT per parent by {@code ROW_NUMBER()}; a nested subquery (API 58.0 and
 *       later, up to five levels) runs once over every child of the level above.</li>
 *   <li>GROUP BY ROLLUP/CUBE, which H2 lacks, is one grouped SELECT per grouping set joined by UNION ALL.</li>
 *   <li>Compiled plans are kept per (text, view, options) unless they read the clock ({@code RecentPlans}).</li>
 *   <li>Paging: pages of at most 2000 records; a {@code 01g} locator keeps the compiled statement and re-runs
 *       it from the next offset. GROUP BY results come back whole.</li>
 *   <li>Relative date literals are ranges of local days in the view's time zone and locale on the engine's
 *       clock; date functions read UTC unless wrapped in {@code convertTimezone()}.</li>
 * </ul>
 */
package dev.sfmcp.soql.query;
