package dev.sfmcp.client;

/**
 * The emulator answered a helper's request with an unexpected status. The message names the request, the status and
 * the body, so a failing test says what the emulator answered (for example 404 while an endpoint is not built yet).
 */
public class EmulatorRequestException extends RuntimeException {

    private final String method;
    private final String path;
    private final int status;
    private final String body;

    /**
     * Describes one failed request.
     *
     * @param method the HTTP method
     * @param path   the path and query that was requested
     * @param status the HTTP status the emulator answered
     * @param body   the response body, possibly empty
     */
    public EmulatorRequestException(String method, String path, int status, String body) {
        super(describe(method, path, status, body));
        this.method = method;
        this.path = path;
        this.status = status;
        this.body = body;
    }

    /**
     * A failure that is not an HTTP status: the emulator was unreachable or its answer could not be read.
     *
     * @param message what went wrong
     * @param cause   the underlying exception
     */
    public EmulatorRequestException(String message, Throwable cause) {
        super(message, cause);
        this.method = null;
        this.path = null;
        this.status = -1;
        this.body = "";
    }

    private static String describe(String method, String path, int status, String body) {
        String shown = body == null || body.isBlank() ? "(empty body)"
                : body.length() > 500 ? body.substring(0, 500) + "..." : body;
        String hint = status == 404 && path.startsWith("/_emulator/")
                ? " (if the path itself is unknown, this emulator version does not provide the endpoint yet)" : "";
        return method + " " + path + " answered " + status + ": " + shown + hint;
    }

    /** @return the HTTP method of the failed request, or null when no request was answered */
    public String method() {
        return method;
    }

    /** @return the requested path and query, or null when no request was answered */
    public String path() {
        return path;
    }

    /** @return the HTTP status the emulator answered, or -1 when it did not answer */
    public int status() {
        return status;
    }

    /** @return the response body the emulator answered, possibly empty */
    public String body() {
        return body;
    }
}
