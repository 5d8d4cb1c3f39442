package dev.sfmcp.soql.access;

import java.time.ZoneId;
import java.util.Locale;

/** The view without restrictions: every object, field and record. */
record SystemAccessView(String userId, ZoneId timeZone, Locale locale) implements AccessView {

    @Override public boolean canReadObject(String sObject) { return true; }
    @Override public boolean canCreate(String sObject) { return true; }
    @Override public boolean canEdit(String sObject) { return true; }
    @Override public boolean canDelete(String sObject) { return true; }
    @Override public boolean canReadField(String sObject, String field) { return true; }
    @Override public boolean canEditField(String sObject, String field) { return true; }
    @Override public RecordFilter recordFilter(String sObject, AccessLevel level) { return RecordFilter.ALL; }
}
