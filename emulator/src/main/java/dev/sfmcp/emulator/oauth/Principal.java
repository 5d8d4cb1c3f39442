package dev.sfmcp.emulator.oauth;

import java.util.Set;

/**
 * Who an MCP request runs as, once the gateway has verified its token.
 *
 * @param orgId    the 18-character org Id, or null in no-auth mode
 * @param userId   the 18-character user Id, or null in no-auth mode
 * @param username the username
 * @param clientId the consumer key of the External Client App that obtained the token
 * @param scopes   the token's scopes
 */
public record Principal(String orgId, String userId, String username, String clientId, Set<String> scopes) {

    /** The principal of the explicit {@code --no-auth} protocol-test mode. */
    public static Principal anonymous() {
        return new Principal(null, null, "no-auth", null, Set.of("mcp_api"));
    }

    /** A stable key for binding MCP sessions to the caller. */
    public String sessionBindingKey() {
        return orgId + "/" + userId;
    }
}
