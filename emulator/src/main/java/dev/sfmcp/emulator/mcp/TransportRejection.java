package dev.sfmcp.emulator.mcp;

/**
 * The transport refuses an HTTP request before dispatch (bad Accept, media type, session, version, Origin): the HTTP
 * status and the JSON body to answer with.
 */
public class TransportRejection extends RuntimeException {

    private final int status;
    private final String body;

    public TransportRejection(int status, String body) {
        super(body, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
