package dev.sfmcp.soql.query;

import dev.sfmcp.soql.access.AccessLevel;
import dev.sfmcp.soql.access.AccessView;
import dev.sfmcp.soql.access.RecordFilter;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A hand-made restricted caller (Alice, U1): no Lead or Case access; AnnualRevenue, Contact.Email and
 * Project__c.Secret__c hidden; Accounts, Contacts and Projects limited to records Alice owns or that are shared
 * with her; Opportunities visible whenever their Account is.
 */
record RestrictedView(ZoneId timeZone) implements AccessView {

    static final Set<String> HIDDEN_OBJECTS = Set.of("lead", "case");
    static final Set<String> HIDDEN_FIELDS = Set.of("account.annualrevenue", "contact.email", "project__c.secret__c");

    @Override public String userId() { return QueryTestOrg.U1; }
    @Override public Locale locale() { return Locale.US; }
    @Override public boolean canReadObject(String sObject) { return !HIDDEN_OBJECTS.contains(sObject.toLowerCase(Locale.ROOT)); }
    @Override public boolean canCreate(String sObject) { return canReadObject(sObject); }
    @Override public boolean canEdit(String sObject) { return canReadObject(sObject); }
    @Override public boolean canDelete(String sObject) { return false; }

    @Override
    public boolean canReadField(String sObject, String field) {
        return !HIDDEN_FIELDS.contains((sObject + "." + field).toLowerCase(Locale.ROOT));
    }

    @Override public boolean canEditField(String sObject, String field) { return canReadField(sObject, field); }

    @Override
    public RecordFilter recordFilter(String sObject, AccessLevel level) {
        RecordFilter mine = new RecordFilter.OwnerIn(Set.of(QueryTestOrg.U1));
        return switch (sObject) {
            case "Account", "Contact", "Project__c" -> RecordFilter.anyOf(java.util.List.of(mine,
                    new RecordFilter.SharedWith(Set.of(QueryTestOrg.U1), level)));
            case "Opportunity" -> new RecordFilter.ParentVisible("AccountId", "Account",
                    recordFilter("Account", AccessLevel.READ));
            default -> RecordFilter.ALL;
        };
    }
}
