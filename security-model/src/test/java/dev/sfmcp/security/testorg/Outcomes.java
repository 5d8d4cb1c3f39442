package dev.sfmcp.security.testorg;

import dev.sfmcp.soql.SalesforceException;
import dev.sfmcp.soql.access.AccessView;
import java.util.List;
import java.util.Map;

/**
 * Runs one operation as a user through the real engine and answers its REST outcome: the errorCode of the
 * SalesforceException, VISIBLE/ABSENT for a query, or OK. Every write is undone afterwards (the org returns to
 * its snapshot), so cases stay independent.
 */
public final class Outcomes {

    /** What each object's edit case writes: a harmless field the standard profiles may edit. */
    private static final Map<String, String> HARMLESS = Map.of("Account", "Description", "Opportunity", "Description",
            "Lead", "Description", "Case", "Description", "Contact", "Description", "Secret__c", "Name", "Detail__c", "Name");
    /** A legal value for each field the field cases write. */
    private static final Map<String, Object> VALUES = Map.of("AnnualRevenue", 1000, "Phone", "555-0100", "Industry", "Banking",
            "Name", "Renamed", "CreatedDate", "2020-01-01T00:00:00.000Z", "Code__c", "CLOSED", "StageName", "Prospecting");
    private static final String SNAPSHOT = "outcomes";

    private final TestOrg org;

    public Outcomes(TestOrg org) {
        this.org = org;
        org.data.snapshot(SNAPSHOT);
    }

    public String run(AccessView view, String sObject, String target, String operation) {
        String op = operation;
        String field = null;
        int colon = operation.indexOf(':');
        if (colon > 0) {
            op = operation.substring(0, colon);
            field = operation.substring(colon + 1);
        }
        try {
            switch (op) {
                case "READ" -> {
                    long found = org.query(view, "SELECT Id FROM " + sObject + " WHERE Id = '" + target + "'").get("totalSize").asLong();
                    return found > 0 ? "VISIBLE" : "ABSENT";
                }
                case "FIELD_READ" -> org.query(view, "SELECT " + field + " FROM " + sObject + " LIMIT 1");
                case "GET" -> org.data.retrieve(view, sObject, target, List.of("Id"));
                case "CREATE" -> org.data.create(view, sObject, org.body(requiredFields(sObject)));
                case "EDIT" -> org.data.update(view, sObject, target, org.body(Map.of(HARMLESS.get(sObject), "Edited")));
                case "FIELD_EDIT" -> org.data.update(view, sObject, target, org.body(Map.of(field, VALUES.get(field))));
                case "DELETE" -> org.data.delete(view, sObject, target);
                case "TRANSFER" -> org.data.update(view, sObject, target, org.body(Map.of("OwnerId", "admin")));
                case "REFERENCE" -> reference(view, sObject, target);
                default -> throw new IllegalArgumentException("unknown operation " + operation);
            }
            return "OK";
        } catch (SalesforceException e) {
            return e.error().errorCode();
        } finally {
            if (!op.equals("READ") && !op.equals("FIELD_READ") && !op.equals("GET")) {
                org.data.restore(SNAPSHOT);
            }
        }
    }

    /** Creates a child that looks the target up: a Contact under an Account, a Detail__c under a Secret__c. */
    private void reference(AccessView view, String sObject, String target) {
        switch (sObject) {
            case "Account" -> org.data.create(view, "Contact", org.body(Map.of("LastName", "Ref", "AccountId", target)));
            case "Secret__c" -> org.data.create(view, "Detail__c", org.body(Map.of("Name", "Ref", "Secret__c", target)));
            default -> throw new IllegalArgumentException("no referencing child for " + sObject);
        }
    }

    private static Map<String, Object> requiredFields(String sObject) {
        return switch (sObject) {
            case "Account" -> Map.of("Name", "New Co");
            case "Opportunity" -> Map.of("Name", "New deal", "StageName", "Prospecting", "CloseDate", "2026-12-31");
            case "Lead" -> Map.of("LastName", "New", "Company", "New Co");
            default -> Map.of("Name", "New");
        };
    }
}
