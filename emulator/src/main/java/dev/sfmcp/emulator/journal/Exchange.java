package dev.sfmcp.emulator.journal;

/**
 * What the layers learn about one HTTP request while answering it (who called, which server, which JSON-RPC messages
 * and how they ended); the journal turns it into entries when the response is done. One per request, not shared.
 */
public final class Exchange {

    /** The attribute name under which the current exchange rides on the request. */
    public static final String ATTRIBUTE = "sfmcp.exchange";

    final String kind;
    final long startedNanos;
    String orgId;
    String userId;
    String username;
    String server;
    String sessionId;
    String endpoint;
    String clientId;
    String grantType;
    String errorCode;
    final java.util.List<Message> messages = new java.util.ArrayList<>(1);

    public Exchange(String kind, long startedNanos) {
        this.kind = kind;
        this.startedNanos = startedNanos;
    }

    public void caller(String orgId, String userId, String username) {
        this.orgId = orgId;
        this.userId = userId;
        this.username = username;
    }

    public void server(String server) {
        this.server = server;
    }

    /** What an OAuth request was: its endpoint, the client_id and grant_type it named (never secrets, codes or tokens). */
    public void oauth(String endpoint, String clientId, String grantType) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.grantType = grantType;
    }

    /** The OAuth error code the request was answered with. */
    public void errorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    public void session(String sessionId) {
        this.sessionId = sessionId;
    }

    /** One JSON-RPC message of the request and its outcome. */
    public void message(String rpcMethod, String tool, String sobject, String argumentsJson, String resultJson,
                        String errorJson, boolean isError) {
        messages.add(new Message(rpcMethod, tool, sobject, argumentsJson, resultJson, errorJson, isError));
    }

    record Message(String rpcMethod, String tool, String sobject, String argumentsJson, String resultJson,
                   String errorJson, boolean isError) {
    }
}
