package dev.sfmcp.testcontainers;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;

/** MCP Java SDK clients for an MCP URL, with or without a bearer token. */
final class McpClients {

    private McpClients() {
    }

    static McpSyncClient forUrl(String mcpUrl) {
        return forUrl(mcpUrl, null);
    }

    static McpSyncClient forUrl(String mcpUrl, String bearerToken) {
        URI uri = URI.create(mcpUrl);
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder(uri.getScheme() + "://" + uri.getRawAuthority()).endpoint(uri.getRawPath());
        if (bearerToken != null) {
            transport.httpRequestCustomizer((request, method, endpoint, body, context) ->
                    request.header("Authorization", "Bearer " + bearerToken));
        }
        return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("sfmcp-testcontainers-it", "1.0")).build();
    }
}
