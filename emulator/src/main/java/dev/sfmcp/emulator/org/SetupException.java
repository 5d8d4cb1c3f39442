package dev.sfmcp.emulator.org;

/**
 * A Setup change the org refuses (an unknown user, role or permission set, a duplicate username, a fixture that does
 * not load): the admin API answers it with {@link #status()} and the console shows the message.
 */
public final class SetupException extends RuntimeException {

    private final int status;

    public SetupException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** Something named in the change does not exist (404). */
    public static SetupException notFound(String message) {
        return new SetupException(404, message);
    }

    /** The change contradicts the org's current state (409). */
    public static SetupException conflict(String message) {
        return new SetupException(409, message);
    }

    /** The change is malformed (400). */
    public static SetupException invalid(String message) {
        return new SetupException(400, message);
    }

    /** The HTTP status the admin API answers with. */
    public int status() {
        return status;
    }
}
