package dev.sfmcp.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ready tokens injected into test parameters, through the real authorization-code + PKCE flow. */
@HostedMcpEmulatorTest(options = "auto-login=true")
class AccessTokenInjectionTest {

    @Test
    void anInjectedTokenOpensTheMcpEndpoint(@AccessTokenFor("admin@acme.example") String token,
            HostedMcpEmulatorRuntime runtime) {
        assertEquals(3, token.split("\\.").length, "a JWT");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl())
                        .endpoint("/platform/mcp/v1/platform/sobject-reads")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token)).build())
                .requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        assertEquals(6, client.listTools().tools().size());
        client.closeGracefully();
    }

    @Test
    void advancingTheClockPastExpiryEndsTheToken(@AccessTokenFor("rep@acme.example") String token,
            HostedMcpEmulatorRuntime runtime) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl())
                        .endpoint("/platform/mcp/v1/platform/sobject-reads")
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token)).build())
                .requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        runtime.advanceClock(Duration.ofHours(2).plusMinutes(1));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, client::listTools);
    }
}
