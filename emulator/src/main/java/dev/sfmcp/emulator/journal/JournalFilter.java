package dev.sfmcp.emulator.journal;

import java.util.Map;

/**
 * Which journal entries a query or a verification is about; every field is optional and they all must match.
 * Built from query parameters or a JSON body with the same names.
 */
public record JournalFilter(String kind, String server, String tool, String sobject, String user, String rpcMethod,
                            Integer status, Boolean isError, Long sinceSequence, String endpoint, String clientId,
                            String grantType, String errorCode) {

    /**
     * The filter of a request's parameters: kind ({@code mcp} or {@code oauth}, any case), server, tool, sobject, user,
     * method, status, isError, since, and for OAuth requests endpoint, client_id, grant_type and error.
     */
    public static JournalFilter of(Map<String, String> params) {
        return new JournalFilter(params.get("kind"), params.get("server"), params.get("tool"), params.get("sobject"),
                params.get("user"), params.get("method"), integer(params.get("status")), bool(params.get("isError")),
                longValue(params.get("since")), params.get("endpoint"), first(params, "client_id", "clientId"),
                first(params, "grant_type", "grantType"), first(params, "error", "errorCode"));
    }

    private static String first(Map<String, String> params, String name, String alias) {
        return params.get(name) != null ? params.get(name) : params.get(alias);
    }

    /** Whether an entry passes. */
    public boolean matches(JournalEntry e) {
        return eqIgnoreCase(kind, e.kind()) && eq(server, e.server()) && eq(tool, e.tool()) && eqIgnoreCase(sobject, e.sobject())
                && (user == null || user.equalsIgnoreCase(e.username()) || user.equals(e.userId()))
                && eq(rpcMethod, e.rpcMethod()) && (status == null || status == e.status())
                && (isError == null || isError == e.isError()) && (sinceSequence == null || e.sequence() > sinceSequence)
                && eq(endpoint, e.endpoint()) && eq(clientId, e.clientId()) && eq(grantType, e.grantType())
                && eq(errorCode, e.errorCode());
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
