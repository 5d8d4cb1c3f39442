package dev.sfmcp.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 error object. The standard codes carry messages that tell a client what to fix.
 *
 * @param code    the JSON-RPC error code
 * @param message the message
 * @param data    optional structured detail, or null
 */
public record JsonRpcError(int code, String message, JsonNode data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined transport errors (the TypeScript SDK's choice, copied for familiarity). */
    public static final int SERVER_ERROR = -32000;
    /** Unknown or terminated session. */
    public static final int SESSION_NOT_FOUND = -32001;

    public static JsonRpcError parseError() {
        return new JsonRpcError(PARSE_ERROR, "Parse error: Invalid JSON", null);
    }

    public static JsonRpcError invalidRequest(String detail) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid Request: " + detail, null);
    }

    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found: " + method, null);
    }

    public static JsonRpcError invalidParams(String detail) {
        return new JsonRpcError(INVALID_PARAMS, detail, null);
    }

    public static JsonRpcError internal(String detail) {
        return new JsonRpcError(INTERNAL_ERROR, "Internal error: " + detail, null);
    }
}
