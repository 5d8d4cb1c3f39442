package dev.sfmcp.soql.dml;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.schema.FieldDef;

import java.util.List;

/**
 * The REST errors of record DML and retrieval, worded as Salesforce words them (soql-and-access.md §5.9 and
 * §6, hosted-mcp.md §9.3). Where the reference has no wording, the choice is documented on the method.
 */
final class DmlErrors {

    /** HTTP status of INSUFFICIENT_ACCESS_OR_READONLY: sources disagree between 400 and 403; DML errors are 400. */
    static final int INSUFFICIENT_ACCESS_STATUS = 400;

    private DmlErrors() {
    }

    static SalesforceException notFound() {
        return new SalesforceException(SalesforceError.of("NOT_FOUND", "The requested resource does not exist", 404));
    }

    static SalesforceException idInBody() {
        return new SalesforceException(SalesforceError.of("INVALID_FIELD", "The Id field should not be specified in the sobject data."));
    }

    /** A field the object does not have, or one the caller cannot see, named in the caller's spelling. */
    static SalesforceException noSuchColumn(String givenName, String sObject) {
        return new SalesforceException(SalesforceError.withFields("INVALID_FIELD",
                "No such column '" + givenName + "' on sobject of type " + sObject, List.of()));
    }

    /** A field in a {@code fields} list of a read, worded as SOQL words it. */
    static SalesforceException noSuchColumnOnEntity(String givenName, String sObject) {
        return new SalesforceException(SalesforceError.of("INVALID_FIELD", "No such column '" + givenName + "' on entity '"
                + sObject + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom"
                + " field name. Please reference your WSDL or the describe call for the appropriate names."));
    }

    static SalesforceException notWritable(List<String> fields) {
        return new SalesforceException(SalesforceError.withFields("INVALID_FIELD_FOR_INSERT_UPDATE",
                "Unable to create/update fields: " + String.join(", ", fields) + ". Please check the security settings of"
                        + " this field and verify that it is read/write for your profile or permission set.", fields));
    }

    static SalesforceException insufficientAccess() {
        return new SalesforceException(new SalesforceError("INSUFFICIENT_ACCESS_OR_READONLY",
                "insufficient access rights on object id", List.of(), INSUFFICIENT_ACCESS_STATUS));
    }

    static SalesforceException insufficientAccessOnCrossReference(String field) {
        return new SalesforceException(SalesforceError.withFields("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                "insufficient access rights on cross-reference id", List.of(field)));
    }

    static SalesforceException invalidCrossReference(String field) {
        return new SalesforceException(SalesforceError.withFields("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of(field)));
    }

    static SalesforceException entityIsDeleted() {
        return new SalesforceException(SalesforceError.withFields("ENTITY_IS_DELETED", "entity is deleted", List.of()));
    }

    static SalesforceException requiredMissing(List<String> fields) {
        return new SalesforceException(SalesforceError.withFields("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [" + String.join(", ", fields) + "]", fields));
    }

    static SalesforceException stringTooLong(FieldDef f, String value) {
        return new SalesforceException(SalesforceError.withFields("STRING_TOO_LONG",
                f.label() + ": data value too large: " + value + " (max length=" + f.length() + ")", List.of(f.name())));
    }

    static SalesforceException badRestrictedPicklist(FieldDef f, String value) {
        return new SalesforceException(SalesforceError.withFields("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                f.label() + ": bad value for restricted picklist field: " + value, List.of(f.name())));
    }

    static SalesforceException invalidEmail(FieldDef f, String value) {
        return new SalesforceException(SalesforceError.withFields("INVALID_EMAIL_ADDRESS",
                f.label() + ": invalid email address: " + value, List.of(f.name())));
    }

    /** A malformed Id in a reference field: the reference's MALFORMED_ID wording, naming the field. */
    static SalesforceException malformedReference(FieldDef f, String value) {
        return new SalesforceException(SalesforceError.withFields("MALFORMED_ID", "malformed id " + value, List.of(f.name())));
    }

    /**
     * A JSON value of the wrong type. Salesforce's deserializer words it as below followed by the position in
     * the body ({@code at [line:1, column:N]}); tool arguments arrive already parsed, so the position is left out.
     */
    static SalesforceException cannotDeserialize(String soapName, String token, String value) {
        return new SalesforceException(SalesforceError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of " + soapName
                + " from " + token + " value " + value + " or request may be missing a required field"));
    }

    /** A number with more integer digits than the field's precision allows (wording as seen in the field). */
    static SalesforceException numberOutOfRange(FieldDef f, String value) {
        return new SalesforceException(SalesforceError.withFields("NUMBER_OUTSIDE_VALID_RANGE",
                f.label() + ": value outside of valid range on numeric field: " + value, List.of(f.name())));
    }

    static SalesforceException duplicateValue(FieldDef f, String otherId) {
        return new SalesforceException(SalesforceError.withFields("DUPLICATE_VALUE",
                "duplicate value found: " + f.name() + " duplicates value on record with id: " + otherId, List.of(f.name())));
    }

    static SalesforceException bodyNotAnObject() {
        return new SalesforceException(SalesforceError.of("JSON_PARSER_ERROR",
                "Cannot deserialize instance of sobject from non-object value or request may be missing a required field"));
    }

    static SalesforceException unableToLockRow(String id) {
        return new SalesforceException(SalesforceError.withFields("UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record or 1 records: " + id, List.of()));
    }

    static SalesforceException methodNotAllowed(String method) {
        return new SalesforceException(SalesforceError.of("METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are GET,HEAD", 405));
    }
}
