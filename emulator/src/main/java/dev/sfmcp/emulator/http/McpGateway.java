package dev.sfmcp.emulator.http;

import dev.sfmcp.emulator.journal.Exchange;
import dev.sfmcp.emulator.journal.JournalRecorder;
import dev.sfmcp.emulator.mcp.JsonRpcError;
import dev.sfmcp.emulator.mcp.McpTransport;
import dev.sfmcp.emulator.mcp.OriginPolicy;
import dev.sfmcp.emulator.mcp.TransportRejection;
import dev.sfmcp.emulator.oauth.GatewayAuthenticator;
import dev.sfmcp.emulator.oauth.GatewayRejection;
import dev.sfmcp.emulator.oauth.Principal;
import dev.sfmcp.emulator.org.McpServerStates;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Steps 1 and 2 of every MCP request, in the gateway's order: Origin (403), the bearer token (401, for any path under
 * {@code /platform/mcp/}), the path (404 for malformed, retired, unknown or inactive), then the transport.
 */
public final class McpGateway {

    private final OriginPolicy origins;
    private final Supplier<GatewayAuthenticator> authenticator;
    private final Function<Principal, McpServerStates> servers;
    private final McpTransport transport;
    private final int inactiveStatus;
    private final String publicUrl;
    private final JournalRecorder journal;
    /** Parsed paths: a client uses one URL for its whole session, so each is parsed once (bounded against junk paths). */
    private final Map<String, McpPathParser.McpPath> paths = new ConcurrentHashMap<>();

    /**
     * @param servers the server activation states that apply to a caller: the token's org's, or the emulator-wide
     *                ones in no-auth mode
     */
    public McpGateway(OriginPolicy origins, Supplier<GatewayAuthenticator> authenticator,
                      Function<Principal, McpServerStates> servers, McpTransport transport, int inactiveStatus,
                      String publicUrl, JournalRecorder journal) {
        this.journal = journal;
        this.origins = origins;
        this.authenticator = authenticator;
        this.servers = servers;
        this.transport = transport;
        this.inactiveStatus = inactiveStatus;
        this.publicUrl = publicUrl;
    }

    /** Handles any method on any path under {@code /platform/mcp/}. */
    public void handle(Context ctx) {
        Exchange exchange = journal.begin(ctx, "MCP", System.nanoTime());
        String origin = ctx.header("Origin");
        if (!origins.allows(origin)) {
            throw new TransportRejection(403, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + JsonRpcError.SERVER_ERROR
                    + ",\"message\":\"Forbidden: Origin " + origin.replace("\"", "") + " is not allowed\"},\"id\":null}");
        }
        McpPathParser.McpPath parsed = parse(ctx.path());
        McpEndpoint endpoint = parsed.endpoint();
        if (endpoint != null) {
            exchange.server(endpoint.server());
        }
        Principal principal;
        try {
            principal = authenticator.get().authenticate(endpoint, ctx.header("Authorization"));
        } catch (GatewayRejection rejection) {
            challenge(ctx, rejection);
            return;
        }
        exchange.caller(principal.orgId(), principal.userId(), principal.username());
        if (!parsed.isValid()) {
            GatewayResponses.answer(ctx, 404, "Not Found: " + parsed.detail());
            return;
        }
        McpServerStates orgServers = servers.apply(principal);
        if (!endpoint.isCustom() && !orgServers.isActive(endpoint.server())) {
            String state = orgServers.state(endpoint.server()) == McpServerStates.State.PENDING_ACTIVATION
                    ? "is being activated; try again shortly" : "is not active in this org";
            GatewayResponses.answer(ctx, inactiveStatus, "The MCP server '" + endpoint.server() + "' " + state);
            return;
        }
        if (endpoint.isCustom()) {
            GatewayResponses.answer(ctx, 404, "Not Found: no custom MCP server named '"
                    + endpoint.server().substring("custom/".length()) + "' in this org");
            return;
        }
        try {
            switch (ctx.method().name()) {
                case "POST" -> transport.post(ctx, endpoint, principal);
                case "GET" -> transport.get(ctx);
                case "DELETE" -> transport.delete(ctx, endpoint, principal);
                default -> {
                    ctx.header("Allow", "GET, POST, DELETE");
                    throw new TransportRejection(405, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + JsonRpcError.SERVER_ERROR
                            + ",\"message\":\"Method not allowed.\"},\"id\":null}");
                }
            }
        } catch (GatewayRejection rejection) {
            challenge(ctx, rejection);
        }
    }

    private McpPathParser.McpPath parse(String path) {
        McpPathParser.McpPath parsed = paths.get(path);
        if (parsed == null) {
            parsed = McpPathParser.parse(path);
            if (paths.size() < 1_000) {
                paths.put(path, parsed);
            }
        }
        return parsed;
    }

    /** The 401 of the real gateway, with the RFC 9728 challenge pointing at the path-inserted metadata document. */
    private void challenge(Context ctx, GatewayRejection rejection) {
        String base = BaseUrl.of(ctx, publicUrl);
        StringBuilder header = new StringBuilder("Bearer ");
        if (rejection.errorParameter() != null) {
            header.append("error=\"").append(rejection.errorParameter()).append("\", ");
        }
        header.append("resource_metadata=\"").append(base).append("/.well-known/oauth-protected-resource")
                .append(ctx.path()).append("\", scope=\"mcp_api refresh_token\"");
        ctx.header("WWW-Authenticate", header.toString());
        GatewayResponses.answer(ctx, rejection.status(), rejection.getMessage());
    }
}
