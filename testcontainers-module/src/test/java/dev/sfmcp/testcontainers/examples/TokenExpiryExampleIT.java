package dev.sfmcp.testcontainers.examples;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfmcp.testcontainers.RequiresEmulatorImage;
import dev.sfmcp.testcontainers.SalesforceHostedMcpContainer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Example: prove that your agent copes with an expired token, by moving the emulator's clock past the token's
 * lifetime instead of waiting two hours.
 */
@RequiresEmulatorImage // this repository's guard (skip without Docker, fail in CI); your own tests don't need it
@Testcontainers
class TokenExpiryExampleIT {

    @Container
    static SalesforceHostedMcpContainer salesforce = new SalesforceHostedMcpContainer()
            .withDemoOrg(true)
            .withAutoLogin(true);

    @Test
    void anExpiredTokenIsRefused() {
        String token = salesforce.accessTokenFor("admin@acme.example");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(salesforce.getBaseUrl())
                        .endpoint("/platform/mcp/v1/platform/sobject-reads")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token))
                        .build())
                .build();
        client.initialize();

        salesforce.advanceClock(Duration.ofHours(3));

        assertThrows(RuntimeException.class, client::listTools);
    }
}
