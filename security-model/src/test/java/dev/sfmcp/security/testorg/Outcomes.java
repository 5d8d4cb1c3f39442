package dev.sfmcp.security.testorg;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;

/**
 * Turns a user's view into the REST outcome of one operation, in the order of checks the reference gives
 * (object permission, field-level security, record access), each record decision made by H2 over the view's
 * filter. It stands for the engine's DML and query paths until those are merged; the outcome vocabulary is the
 * REST errorCode, or VISIBLE/ABSENT for a query, or OK.
 */
public final class Outcomes {

    private final TestOrg org;

    public Outcomes(TestOrg org) {
        this.org = org;
    }

    public String run(AccessView view, String sObject, String target, String operation) {
        String op = operation;
        String field = null;
        int colon = operation.indexOf(':');
        if (colon > 0) {
            op = operation.substring(0, colon);
            field = operation.substring(colon + 1);
        }
        if (!view.canReadObject(sObject)) {
            return "INVALID_TYPE";
        }
        switch (op) {
            case "CREATE":
                return view.canCreate(sObject) ? "OK" : "INSUFFICIENT_ACCESS_OR_READONLY";
            case "FIELD_READ":
                return view.canReadField(sObject, field) ? "OK" : "INVALID_FIELD";
            case "FIELD_EDIT":
                if (!view.canReadField(sObject, field)) {
                    return "INVALID_FIELD";
                }
                return view.canEditField(sObject, field) ? "OK" : "INVALID_FIELD_FOR_INSERT_UPDATE";
            default:
                break;
        }
        boolean visible = org.passes(sObject, target, view.recordFilter(sObject, AccessLevel.READ));
        return switch (op) {
            case "READ" -> visible ? "VISIBLE" : "ABSENT";
            case "GET" -> visible ? "OK" : "NOT_FOUND";
            case "REFERENCE" -> visible ? "OK" : "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY";
            case "EDIT" -> write(view.canEdit(sObject), visible, () -> org.passes(sObject, target, view.recordFilter(sObject, AccessLevel.EDIT)));
            case "DELETE" -> write(view.canDelete(sObject), visible, () -> org.passes(sObject, target, view.recordFilter(sObject, AccessLevel.ALL)));
            case "TRANSFER" -> write(view.canEdit(sObject), visible, () -> org.passes(sObject, target, view.transferFilter(sObject)));
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    private static String write(boolean permitted, boolean visible, java.util.function.BooleanSupplier recordAccess) {
        if (!permitted) {
            return "INSUFFICIENT_ACCESS_OR_READONLY";
        }
        if (!visible) {
            return "NOT_FOUND";
        }
        return recordAccess.getAsBoolean() ? "OK" : "INSUFFICIENT_ACCESS_OR_READONLY";
    }
}
