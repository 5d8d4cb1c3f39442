package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.McpEndpoint;

/**
 * The gateway while the authorization server is not built: it refuses every request as the real gateway refuses a
 * request it cannot verify (401 "JWT Token is required"), so that no client believes it is authenticated. Start
 * with {@code --no-auth} for protocol work until OAuth lands.
 */
public final class PendingOAuthAuthenticator implements GatewayAuthenticator {

    @Override
    public Principal authenticate(McpEndpoint endpoint, String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw GatewayRejection.noToken();
        }
        throw GatewayRejection.invalidToken();
    }
}
