package dev.sfmcp.soql.id;

import dev.sfmcp.soql.SalesforceError;
import dev.sfmcp.soql.SalesforceException;

import java.util.Optional;

/**
 * A Salesforce record Id: 15 case-sensitive characters (3-character key prefix first) and, in its 18-character
 * form, a 3-character checksum that makes it unique case-insensitively. Either form parses; the engine always
 * emits {@link #toString() the 18-character form}.
 */
public final class SalesforceId {

    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final String id18;

    private SalesforceId(String id18) {
        this.id18 = id18;
    }

    /** The Id in {@code text}, or MALFORMED_ID {@code malformed id <text>} when it is not a well-formed Id. */
    public static SalesforceId parse(String text) {
        return tryParse(text).orElseThrow(() -> new SalesforceException(malformed(text)));
    }

    /** The Id in {@code text}, or empty when malformed (wrong length, character or 18-character checksum). */
    public static Optional<SalesforceId> tryParse(String text) {
        if (text == null || (text.length() != 15 && text.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < 15; i++) {
            if (!isBase62(text.charAt(i))) {
                return Optional.empty();
            }
        }
        String id15 = text.substring(0, 15);
        String id18 = id15 + checksum(id15);
        if (text.length() == 18 && !id18.substring(15).equalsIgnoreCase(text.substring(15))) {
            return Optional.empty();
        }
        return Optional.of(new SalesforceId(id18));
    }

    /** The MALFORMED_ID error for {@code text}, as REST words it. */
    public static SalesforceError malformed(String text) {
        return SalesforceError.of("MALFORMED_ID", "malformed id " + text);
    }

    /**
     * The error of a malformed Id literal compared with an Id field in a SOQL filter: {@code invalid ID field: abc}.
     * The code is unverified (the reference lists MALFORMED_QUERY or INVALID_QUERY_FILTER_OPERATOR); the latter is
     * what filters with a bad value report.
     */
    public static SalesforceError invalidIdField(String text) {
        return SalesforceError.of("INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: " + text);
    }

    /** The 3-character checksum of a 15-character Id (one character per 5-character chunk: a bit per upper-case letter). */
    public static String checksum(String id15) {
        StringBuilder out = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return out.toString();
    }

    /** The 18-character form of a 15-character Id string (no validation beyond the checksum computation). */
    public static String to18(String id15) {
        return id15 + checksum(id15);
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The 3-character key prefix that names the object type. */
    public String keyPrefix() {
        return id18.substring(0, 3);
    }

    /** The 15-character, case-sensitive form. */
    public String id15() {
        return id18.substring(0, 15);
    }

    /** The 18-character form. */
    public String id18() {
        return id18;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesforceId other && other.id18.equals(id18);
    }

    @Override
    public int hashCode() {
        return id18.hashCode();
    }

    @Override
    public String toString() {
        return id18;
    }
}
