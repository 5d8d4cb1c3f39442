package dev.sfmcp.soql;

import java.util.List;

/**
 * One Salesforce REST error: the value that crosses every layer and that each surface (MCP tool result,
 * OAuth JSON, gateway 401) renders its own way.
 *
 * @param errorCode  the REST errorCode, e.g. {@code INVALID_FIELD}
 * @param message    the message exactly as Salesforce words it
 * @param fields     the fields the error is about (DML errors); empty when REST omits the key
 * @param httpStatus the HTTP status the wrapped REST resource would answer
 */
public record SalesforceError(String errorCode, String message, List<String> fields, int httpStatus) {

    public SalesforceError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** An error without fields, answered with 400 as most REST errors are. */
    public static SalesforceError of(String errorCode, String message) {
        return new SalesforceError(errorCode, message, List.of(), 400);
    }

    /** An error without fields and with the given HTTP status. */
    public static SalesforceError of(String errorCode, String message, int httpStatus) {
        return new SalesforceError(errorCode, message, List.of(), httpStatus);
    }

    /** A DML error naming the fields it concerns. */
    public static SalesforceError withFields(String errorCode, String message, List<String> fields) {
        return new SalesforceError(errorCode, message, fields, 400);
    }
}
