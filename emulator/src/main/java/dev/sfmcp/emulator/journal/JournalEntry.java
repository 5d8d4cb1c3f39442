package dev.sfmcp.emulator.journal;

/**
 * One request as the journal keeps it: an MCP JSON-RPC message (or an HTTP request refused before one was read),
 * or an OAuth request. Arguments, result and error are kept as raw JSON text so that recording costs no parsing.
 *
 * @param sequence       position in the journal, increasing from 1
 * @param timestamp      ISO-8601 instant on the emulator's clock
 * @param kind           {@code MCP} or {@code OAUTH}
 * @param httpMethod     the HTTP method
 * @param path           the request path
 * @param status         the HTTP status answered
 * @param durationMicros time spent answering, in microseconds
 * @param orgId          the caller's org, when known
 * @param userId         the caller's user Id, when known
 * @param username       the caller's username, when known
 * @param server         the MCP server path ({@code platform/sobject-all}), for MCP requests
 * @param sessionId      the MCP session, when there is one
 * @param rpcMethod      the JSON-RPC method, when a message was read
 * @param tool           the tool name of a tools/call
 * @param sobject        the {@code sobject-name} argument of a tools/call, when given
 * @param argumentsJson  the tools/call arguments (or params of other methods) as JSON text, possibly truncated
 * @param resultJson     the JSON-RPC result as JSON text, possibly truncated
 * @param errorJson      the JSON-RPC error, or the HTTP error body, as JSON text
 * @param isError        whether the outcome was an error: HTTP >= 400, a JSON-RPC error or a tool result with isError
 * @param endpoint       for OAuth requests: authorize, login, approve, token, revoke, introspect, userinfo, id, jwks,
 *                       register or discovery
 * @param clientId       for OAuth requests: the client_id the request named
 * @param grantType      for token requests: the grant_type
 * @param errorCode      for OAuth requests: the OAuth error code answered ({@code invalid_grant}), in a body or a redirect
 */
public record JournalEntry(long sequence, String timestamp, String kind, String httpMethod, String path, int status,
                           long durationMicros, String orgId, String userId, String username, String server,
                           String sessionId, String rpcMethod, String tool, String sobject, String argumentsJson,
                           String resultJson, String errorJson, boolean isError, String endpoint, String clientId,
                           String grantType, String errorCode) {
}
