package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.McpEndpoint;

/** The explicit {@code --no-auth} mode for protocol tests (the conformance suite cannot send a token). */
public final class NoAuthAuthenticator implements GatewayAuthenticator {

    @Override
    public Principal authenticate(McpEndpoint endpoint, String authorizationHeader) {
        return Principal.anonymous();
    }
}
