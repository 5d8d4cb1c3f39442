package dev.sfmcp.emulator.mcp;

/**
 * The serialized result of one request, and whether it is a tool error ({@code isError: true}), so that the journal
 * and faults need not parse it again.
 */
public record DispatchResult(String json, boolean toolError) {

    static DispatchResult of(String json) {
        return new DispatchResult(json, false);
    }
}
