package dev.sfmcp.emulator.junit;

/** How long one in-process emulator lives. */
public enum Lifecycle {
    /** One emulator for all tests of the class (reset between tests unless told not to). */
    PER_CLASS,
    /** A fresh emulator for each test method. */
    PER_METHOD
}
