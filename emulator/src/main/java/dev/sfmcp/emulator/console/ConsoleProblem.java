package dev.sfmcp.emulator.console;

/** A console request that cannot be answered (unknown org, record or app, bad form input): shown as a page, never a trace. */
final class ConsoleProblem extends RuntimeException {

    private final int status;

    ConsoleProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
