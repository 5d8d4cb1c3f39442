package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.McpEndpoint;

/** Step 2 of a tool call: verify the bearer token of an MCP request and resolve it to an org and a user. */
public interface GatewayAuthenticator {

    /**
     * The principal the request runs as.
     *
     * @param endpoint            the parsed MCP URL, or null when the path is not a valid endpoint
     * @param authorizationHeader the raw Authorization header, or null
     * @throws GatewayRejection   when the gateway refuses the request
     */
    Principal authenticate(McpEndpoint endpoint, String authorizationHeader);
}
