package dev.sfmcp.soql.access;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The caller's view of the org, the plug through which the security model restricts the engine. Every query
 * and write runs for one view: an object it cannot read is INVALID_TYPE, a field it cannot read is
 * INVALID_FIELD "No such column", a record outside {@link #recordFilter} is absent (NOT_FOUND on direct access).
 * Names are sObject and field API names, compared case-insensitively.
 */
public interface AccessView {

    /** The running user's 18-character Id; the system view answers the org's automated user or null. */
    String userId();

    /** The user's time zone: relative date literals and date functions are evaluated in it. */
    ZoneId timeZone();

    /** The user's locale. */
    Locale locale();

    boolean canReadObject(String sObject);

    boolean canCreate(String sObject);

    boolean canEdit(String sObject);

    boolean canDelete(String sObject);

    boolean canReadField(String sObject, String field);

    boolean canEditField(String sObject, String field);

    /** The records of {@code sObject} this caller reaches with at least {@code level} access. */
    RecordFilter recordFilter(String sObject, AccessLevel level);

    /**
     * The records of {@code sObject} whose OwnerId this caller may change. Usually those with full access, but
     * Public Read/Write/Transfer and the Transfer Record permission open it to users with Edit access.
     */
    default RecordFilter transferFilter(String sObject) {
        return recordFilter(sObject, AccessLevel.ALL);
    }

    /** The unrestricted view, as a system administrator or the system itself sees the org. */
    static AccessView system(String userId, ZoneId timeZone, Locale locale) {
        return new SystemAccessView(userId, timeZone, locale);
    }
}
