package dev.sfmcp.emulator.journal;

import java.util.Map;

/**
 * Which journal entries a query or a verification is about; every field is optional and they all must match.
 * Built from query parameters or a JSON body with the same names.
 */
public record JournalFilter(String kind, String server, String tool, String sobject, String user, String rpcMethod,
                            Integer status, Boolean isError, Long sinceSequence) {

    /** The filter of a request's parameters: kind, server, tool, sobject, user, method, status, isError, since. */
    public static JournalFilter of(Map<String, String> params) {
        return new JournalFilter(params.get("kind"), params.get("server"), params.get("tool"), params.get("sobject"),
                params.get("user"), params.get("method"), integer(params.get("status")), bool(params.get("isError")),
                longValue(params.get("since")));
    }

    /** Whether an entry passes. */
    public boolean matches(JournalEntry e) {
        return eq(kind, e.kind()) && eq(server, e.server()) && eq(tool, e.tool()) && eqIgnoreCase(sobject, e.sobject())
                && (user == null || user.equalsIgnoreCase(e.username()) || user.equals(e.userId()))
                && eq(rpcMethod, e.rpcMethod()) && (status == null || status == e.status())
                && (isError == null || isError == e.isError()) && (sinceSequence == null || e.sequence() > sinceSequence);
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static boolean eqIgnoreCase(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

    private static Integer integer(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status must be a whole number, not '" + raw + "'");
        }
    }

    private static Long longValue(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("since must be a sequence number, not '" + raw + "'");
        }
    }

    private static Boolean bool(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("isError must be true or false, not '" + raw + "'");
        }
        return Boolean.valueOf(raw);
    }
}
