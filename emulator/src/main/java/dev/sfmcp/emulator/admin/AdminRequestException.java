package dev.sfmcp.emulator.admin;

/** A mistake in an admin API request: answered 400 (or the given status) with {@code {"error":..., "message":...}}. */
public class AdminRequestException extends RuntimeException {

    private final int status;

    public AdminRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public AdminRequestException(String message) {
        this(400, message);
    }

    public int status() {
        return status;
    }

    /**
     * The admin API's error body for a status: {@code {"error": "bad_request" | "unauthorized" | "not_found" |
     * "conflict", "message": ...}}, the one shape every admin refusal has.
     */
    public static java.util.Map<String, Object> body(int status, String message) {
        String error = switch (status) {
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> "bad_request";
        };
        return java.util.Map.of("error", error, "message", message);
    }
}
