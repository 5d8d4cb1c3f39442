package dev.sfmcp.testcontainers.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.testcontainers.RequiresEmulatorImage;
import dev.sfmcp.testcontainers.SalesforceHostedMcpContainer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Example: log in as a sales rep of the demo org through the real OAuth + PKCE flow and query Accounts through the
 * sobject-reads server, resetting the org before each test.
 */
@RequiresEmulatorImage // this repository's guard (skip without Docker, fail in CI); your own tests don't need it
@Testcontainers
class ReadAccountsAsARepExampleIT {

    @Container
    static SalesforceHostedMcpContainer salesforce = new SalesforceHostedMcpContainer()
            .withDemoOrg(true)
            .withAutoLogin(true);

    McpSyncClient client;

    @BeforeEach
    void connectAsRep() {
        salesforce.reset();
        String token = salesforce.accessTokenFor("rep@acme.example");
        client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(salesforce.getBaseUrl())
                        .endpoint("/platform/mcp/v1/platform/sobject-reads")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token))
                        .build())
                .build();
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void aRepSeesAccounts() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("soqlQuery",
                Map.of("query", "SELECT Id, Name FROM Account ORDER BY Name LIMIT 5")));

        assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
        assertTrue(result.structuredContent().toString().contains("totalSize"));
    }

    @Test
    void everyToolCallCountsAgainstTheDailyLimit() {
        long before = salesforce.apiUsage("acme").used();

        client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("query", "SELECT Id FROM Contact LIMIT 1")));

        assertTrue(salesforce.apiUsage("acme").used() > before);
        assertFalse(salesforce.eventLog("acme").isEmpty());
    }
}
