package dev.sfmcp.emulator.http;

/** The kind of org an MCP URL addresses: the {@code sandbox/}, {@code scratch/} and {@code develop/} segments. */
public enum Environment {
    PRODUCTION,
    SANDBOX,
    SCRATCH,
    DEVELOPER;

    /** Whether tokens for this environment come from the sandbox login host ({@code test.salesforce.com}). */
    public boolean usesSandboxLogin() {
        return this == SANDBOX || this == SCRATCH;
    }
}
