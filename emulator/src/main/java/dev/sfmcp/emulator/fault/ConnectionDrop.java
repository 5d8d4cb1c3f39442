package dev.sfmcp.emulator.fault;

/** Thrown to make the HTTP layer close the connection without answering (the DROP_CONNECTION fault). */
public final class ConnectionDrop extends RuntimeException {

    public ConnectionDrop() {
        super("connection dropped by an injected fault", null, false, false);
    }
}
