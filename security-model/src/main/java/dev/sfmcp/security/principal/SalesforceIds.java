package dev.sfmcp.security.principal;

/** Salesforce Id arithmetic the model needs to derive Ids: the 3-character case-safe suffix. */
public final class SalesforceIds {


    private SalesforceIds() {
    }

    /** The 18-character form of a 15-character Id. */
    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-character Id: " + id15);
        }
        return id15 + dev.sfmcp.soql.id.SalesforceId.checksum(id15);
    }

    /** An Id with {@code prefix} (3 characters) and a counter, e.g. {@code 00G000000000042}. */
    public static String of(String prefix, long counter) {
        String digits = Long.toString(counter, 36);
        String body = "0".repeat(12 - digits.length()) + digits;
        return to18(prefix + body);
    }
}
