package dev.sfmcp.testcontainers.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfmcp.testcontainers.RequiresEmulatorImage;
import dev.sfmcp.testcontainers.SalesforceHostedMcpContainer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Example: check that your agent's tool wiring matches what Salesforce's sobject-all server offers, without any
 * login (protocol-test mode).
 */
@RequiresEmulatorImage // this repository's guard (skip without Docker, fail in CI); your own tests don't need it
@Testcontainers
class ListToolsExampleIT {

    @Container
    static SalesforceHostedMcpContainer salesforce = new SalesforceHostedMcpContainer()
            .withNoAuth(true);

    @Test
    void sobjectAllOffersTheElevenGaTools() {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(salesforce.getBaseUrl())
                        .endpoint("/platform/mcp/v1/platform/sobject-all")
                        .build())
                .build();
        client.initialize();

        List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();

        assertEquals(11, names.size());
        assertEquals(true, names.contains("soqlQuery"));
        client.closeGracefully();
    }
}
