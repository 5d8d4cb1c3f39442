package dev.sfmcp.soql;

import java.util.List;

/** Thrown by the engine to answer with Salesforce errors; the REST error array is {@link #errors()}. */
public class SalesforceException extends RuntimeException {

    private final List<SalesforceError> errors;

    public SalesforceException(SalesforceError error) {
        this(List.of(error));
    }

    public SalesforceException(List<SalesforceError> errors) {
        super(errors.isEmpty() ? "" : errors.get(0).errorCode() + ": " + errors.get(0).message(), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SalesforceException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<SalesforceError> errors() {
        return errors;
    }

    /** The first (usually only) error. */
    public SalesforceError error() {
        return errors.get(0);
    }

    /** The HTTP status of the first error, the one the REST resource answers with. */
    public int httpStatus() {
        return errors.get(0).httpStatus();
    }
}
