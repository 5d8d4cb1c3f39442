package dev.sfmcp.emulator.console;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;

/** The agent of the console tests: the MCP Java SDK on the org's sobject-all server with a user's bearer token. */
final class AgentConnection {

    private AgentConnection() {
    }

    static McpSyncClient sobjectAll(String baseUrl, String token) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/platform/mcp/v1/platform/sobject-all")
                        .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + token)).build())
                .requestTimeout(Duration.ofSeconds(20)).build();
    }
}
