package dev.sfmcp.emulator.fault;

/** The failures a test can inject into matching MCP calls. */
public enum FaultType {
    /** Answer normally, after {@code latencyMillis}. */
    LATENCY,
    /** A tools/call answers the real service's UNKNOWN_EXCEPTION tool error (with an ErrorId). */
    UNKNOWN_EXCEPTION,
    /** HTTP 500 from the gateway. */
    HTTP_500,
    /** HTTP 503 from the gateway. */
    HTTP_503,
    /** The MCP session ends: this and later requests with it get 404, so the client must re-initialize. */
    EXPIRE_SESSION,
    /** The request is refused as with an expired token: 401 with error="invalid_token". */
    EXPIRE_TOKEN,
    /** The caller's org's daily API requests are used up: this and later tool calls get REQUEST_LIMIT_EXCEEDED. */
    EXHAUST_QUOTA,
    /** The TCP connection is closed without an answer. */
    DROP_CONNECTION,
    /** tools/list answers an empty list, as the real catalog sometimes did while loading. */
    EMPTY_TOOLS_LIST
}
