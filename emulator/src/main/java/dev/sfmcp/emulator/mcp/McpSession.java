package dev.sfmcp.emulator.mcp;

import dev.sfmcp.emulator.http.McpEndpoint;
import java.time.Instant;

/**
 * One MCP session: issued by {@code initialize} on one endpoint for one caller, with the version it negotiated.
 * It expires after an idle time on the emulator's clock.
 */
public final class McpSession {

    private final String id;
    private final String endpointPath;
    private final String bindingKey;
    private final String protocolVersion;
    private final String clientName;
    private final String clientIp;
    private final String catalogVariant;
    private volatile Instant lastSeen;
    private volatile boolean initialized;

    McpSession(String id, McpEndpoint endpoint, String bindingKey, String protocolVersion, String clientName, String clientIp,
               String catalogVariant, Instant now) {
        this.catalogVariant = catalogVariant;
        this.clientIp = clientIp;
        this.id = id;
        this.endpointPath = endpoint.path();
        this.bindingKey = bindingKey;
        this.protocolVersion = protocolVersion;
        this.clientName = clientName;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public String clientName() {
        return clientName;
    }

    /** The address the session was opened from. */
    public String clientIp() {
        return clientIp;
    }

    /**
     * The tool catalog variant fixed when the session opened: the server advertises {@code tools.listChanged: false},
     * so the list a client saw must not change under it; a variant change reaches new sessions only.
     */
    public String catalogVariant() {
        return catalogVariant;
    }

    public boolean initialized() {
        return initialized;
    }

    void markInitialized() {
        initialized = true;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    /** Whether a request through this endpoint by this caller belongs to this session. */
    boolean belongsTo(McpEndpoint endpoint, String callerKey) {
        return endpointPath.equals(endpoint.path()) && bindingKey.equals(callerKey);
    }
}
