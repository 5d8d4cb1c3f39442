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
}
