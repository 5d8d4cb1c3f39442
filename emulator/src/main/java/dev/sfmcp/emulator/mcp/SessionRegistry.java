package dev.sfmcp.emulator.mcp;

import dev.sfmcp.emulator.http.McpEndpoint;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live MCP sessions. Ids are random visible ASCII; an idle session expires on the emulator's clock and is then
 * indistinguishable from one that never existed (404).
 */
public final class SessionRegistry {

    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration idleTimeout;

    public SessionRegistry(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Opens a session that serves the given tool catalog variant for its whole life. */
    public McpSession open(McpEndpoint endpoint, String callerKey, String protocolVersion, String clientName, String clientIp,
                           String catalogVariant) {
        sweep();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        McpSession session = new McpSession(HexFormat.of().formatHex(bytes), endpoint, callerKey, protocolVersion,
                clientName, clientIp, catalogVariant, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id for this endpoint and caller, touched; null when unknown, expired or foreign. */
    public McpSession find(String id, McpEndpoint endpoint, String callerKey) {
        McpSession session = sessions.get(id);
        if (session == null) {
            return null;
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return null;
        }
        if (!session.belongsTo(endpoint, callerKey)) {
            return null;
        }
        session.touch(now);
        return session;
    }

    /** Ends a session; true when it existed. */
    public boolean close(String id) {
        return sessions.remove(id) != null;
    }

    /** Ends every session (reset). */
    public void clear() {
        sessions.clear();
    }

    public int size() {
        sweep();
        return sessions.size();
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    private boolean expired(McpSession session, Instant now) {
        return session.lastSeen().plus(idleTimeout).isBefore(now);
    }

    /** Drops expired sessions so that memory stays bounded under churn. */
    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }
}
