package dev.sfmcp.emulator.mcp;

import java.util.List;

/** The MCP protocol revisions the emulator speaks, and the negotiation rule of the lifecycle spec. */
public final class ProtocolVersion {

    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    /** Newest first: negotiation falls back to the first. */
    public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);
    public static final String LATEST = V2025_11_25;

    private ProtocolVersion() {
    }

    /** The requested version when supported, else the latest: "SHOULD be the latest version supported". */
    public static String negotiate(String requested) {
        return SUPPORTED.contains(requested) ? requested : LATEST;
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** Whether JSON-RPC batches are allowed: only 2025-03-26 had them. */
    public static boolean allowsBatches(String version) {
        return V2025_03_26.equals(version);
    }

    /** Whether Tool.title and other 2025-06-18 additions may be sent. */
    public static boolean hasTitles(String version) {
        return !V2025_03_26.equals(version);
    }
}
