package dev.sfmcp.security.testorg;

import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;

/**
 * Turns a user's view into the REST outcome of one operation. Reads run through the engine's SOQL path as the
 * user (its error is the outcome). Writes follow the reference's order of checks (object permission, field-level
 * security, record access), each record decision made by the engine over the view's filter: this part stands for
 * the engine's DML path until it is merged. Outcomes are the REST errorCode, VISIBLE/ABSENT for a query, or OK.
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
        if (op.equals("READ") || op.equals("GET") || op.equals("FIELD_READ")) {
            return query(view, sObject, target, op, field);
        }
        if (!view.canReadObject(sObject)) {
            return "INVALID_TYPE";
        }
        switch (op) {
            case "CREATE":
                return view.canCreate(sObject) ? "OK" : "INSUFFICIENT_ACCESS_OR_READONLY";
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
            case "REFERENCE" -> visible ? "OK" : "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY";
            case "EDIT" -> write(view.canEdit(sObject), visible, () -> org.passes(sObject, target, view.recordFilter(sObject, AccessLevel.EDIT)));
            case "DELETE" -> write(view.canDelete(sObject), visible, () -> org.passes(sObject, target, view.recordFilter(sObject, AccessLevel.ALL)));
            case "TRANSFER" -> write(view.canEdit(sObject), visible, () -> org.passes(sObject, target, view.transferFilter(sObject)));
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    /** Reads go through the engine's SOQL path as the user: its errors are the outcome. */
    private String query(AccessView view, String sObject, String target, String op, String field) {
        String soql = op.equals("FIELD_READ")
                ? "SELECT " + field + " FROM " + sObject + " LIMIT 1"
                : "SELECT Id FROM " + sObject + " WHERE Id = '" + target + "'";
        try {
            long found = org.query(view, soql).get("totalSize").asLong();
            return switch (op) {
                case "READ" -> found > 0 ? "VISIBLE" : "ABSENT";
                case "GET" -> found > 0 ? "OK" : "NOT_FOUND";
                default -> "OK";
            };
        } catch (SalesforceException e) {
            return e.error().errorCode();
        }
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
