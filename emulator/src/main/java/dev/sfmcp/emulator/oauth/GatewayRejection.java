package dev.sfmcp.emulator.oauth;

/**
 * The gateway refuses a request before MCP sees it: an HTTP status and the gateway's message, rendered as
 * {@code {"errors":[{"message":...}]}}; on 401 a {@code WWW-Authenticate} challenge is added.
 */
public class GatewayRejection extends RuntimeException {

    /** The body message of the real gateway for a missing, opaque or unacceptable token. */
    public static final String JWT_REQUIRED = "JWT Token is required";

    private final int status;
    private final String errorParameter;

    public GatewayRejection(int status, String message, String errorParameter) {
        super(message, null, false, false);
        this.status = status;
        this.errorParameter = errorParameter;
    }

    /** 401 for a request with no token at all. */
    public static GatewayRejection noToken() {
        return new GatewayRejection(401, JWT_REQUIRED, null);
    }

    /** 401 for a token that was sent but is not accepted. */
    public static GatewayRejection invalidToken() {
        return new GatewayRejection(401, JWT_REQUIRED, "invalid_token");
    }

    public int status() {
        return status;
    }

    /** The RFC 6750 {@code error} parameter for the challenge, or null. */
    public String errorParameter() {
        return errorParameter;
    }
}
