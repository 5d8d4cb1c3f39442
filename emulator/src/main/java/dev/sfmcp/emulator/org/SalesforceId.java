package dev.sfmcp.emulator.org;

/**
 * Salesforce record Ids: the case-insensitive 18-character form is the 15-character Id plus a three-letter checksum
 * of its upper-case letters, which is what OAuth responses, identity URLs and JWT claims carry. The checksum is the
 * engine's ({@link dev.sfmcp.soql.id.SalesforceId}); this class only adds the string-in, string-out forms OAuth uses.
 */
public final class SalesforceId {

    private SalesforceId() {
    }

    /** The 18-character form of a 15- or 18-character Id. */
    public static String eighteen(String id) {
        if (id == null || !(id.length() == 15 || id.length() == 18) || !id.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("'" + id + "' is not a 15- or 18-character Salesforce Id");
        }
        if (id.length() == 18) {
            return id.substring(0, 15) + suffix(id.substring(0, 15));
        }
        return id + suffix(id);
    }

    /** The 15-character form. */
    public static String fifteen(String id) {
        return eighteen(id).substring(0, 15);
    }

    private static String suffix(String fifteen) {
        return dev.sfmcp.soql.id.SalesforceId.checksum(fifteen);
    }
}
