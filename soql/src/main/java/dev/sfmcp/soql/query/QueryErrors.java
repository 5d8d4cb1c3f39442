package dev.sfmcp.soql.query;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;

/**
 * Salesforce's query error catalogue: each error worded as the REST API words it and, where Salesforce points
 * at a token, prefixed with the position header (query line, caret, {@code ERROR at Row:R:Column:C}).
 */
public final class QueryErrors {

    /** Lines longer than this are echoed as a window around the caret: the real rule is unknown, 80 is our guess. */
    static final int WINDOW = 80;

    private final String query;

    public QueryErrors(String query) {
        this.query = query;
    }

    public String query() {
        return query;
    }

    /** The header and text, exactly as REST puts them in {@code message}. */
    public String positioned(QueryPosition at, String text) {
        String[] lines = query.split("\r\n|\r|\n", -1);
        String line = at.row() - 1 < lines.length ? lines[at.row() - 1] : "";
        int caret = at.column() - 1;
        if (line.length() > WINDOW) {
            int start = Math.max(0, Math.min(caret - WINDOW / 2, line.length() - WINDOW));
            line = line.substring(start, Math.min(line.length(), start + WINDOW));
            caret -= start;
        }
        return "\n" + line + "\n" + " ".repeat(Math.max(0, caret)) + "^\nERROR at Row:" + at.row() + ":Column:"
                + at.column() + "\n" + text;
    }

    public SalesforceException malformed(QueryPosition at, String text) {
        return fail("MALFORMED_QUERY", positioned(at, text));
    }

    public SalesforceException unexpectedToken(QueryPosition at, String token) {
        return malformed(at, "unexpected token: '" + token + "'");
    }

    public SalesforceException noSuchColumn(QueryPosition at, String spelled, String entity) {
        return fail("INVALID_FIELD", positioned(at, "No such column '" + spelled + "' on entity '" + entity
                + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field"
                + " name. Please reference your WSDL or the describe call for the appropriate names."));
    }

    public SalesforceException unsupportedType(QueryPosition at, String spelled) {
        return fail("INVALID_TYPE", positioned(at, "sObject type '" + spelled + "' is not supported. If you are"
                + " attempting to use a custom object, be sure to append the '__c' after the entity name. Please"
                + " reference your WSDL or the describe call for the appropriate names."));
    }

    public SalesforceException unknownRelationship(QueryPosition at, String spelled) {
        return fail("INVALID_FIELD", positioned(at, "Didn't understand relationship '" + spelled + "' in field path."
                + " If you are attempting to use a custom relationship, be sure to append the '__r' after the custom"
                + " relationship name. Please reference your WSDL or the describe call for the appropriate names."));
    }

    /** A subquery's FROM that is not a child relationship of the outer object (or one the caller cannot read). */
    public SalesforceException unknownChildRelationship(QueryPosition at, String spelled) {
        return fail("INVALID_TYPE", positioned(at, "Didn't understand relationship '" + spelled + "' in FROM part"
                + " of query call. If you are attempting to use a custom relationship, be sure to append the '__r'"
                + " after the custom relationship name. Please reference your WSDL or the describe call for the"
                + " appropriate names."));
    }

    public SalesforceException duplicateField(String name) {
        return fail("INVALID_FIELD", "duplicate field selected: " + name);
    }

    public SalesforceException notGrouped(QueryPosition at, String spelled) {
        return malformed(at, "Field must be grouped or aggregated: " + spelled);
    }

    public SalesforceException offsetOutOfRange() {
        return fail("NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");
    }

    public SalesforceException invalidId(QueryPosition at, String value) {
        return fail("INVALID_QUERY_FILTER_OPERATOR", positioned(at, "invalid ID field: " + value));
    }

    /** An error with the caret header and the given code. */
    public SalesforceException at(String errorCode, QueryPosition at, String text) {
        return fail(errorCode, positioned(at, text));
    }

    /** An error without the caret header. */
    public static SalesforceException fail(String errorCode, String message) {
        return new SalesforceException(SalesforceError.of(errorCode, message));
    }
}
