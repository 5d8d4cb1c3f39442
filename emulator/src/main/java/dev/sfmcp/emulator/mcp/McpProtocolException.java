package dev.sfmcp.emulator.mcp;

/** A JSON-RPC error answered for one request, carrying the error the response holds. */
public class McpProtocolException extends RuntimeException {

    private final JsonRpcError error;

    public McpProtocolException(JsonRpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }
}
