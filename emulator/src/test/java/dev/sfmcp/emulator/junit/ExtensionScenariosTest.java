package dev.sfmcp.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The container module's scenarios through the in-process extension: tool calls as a user, reset between tests, a custom fixture. */
class ExtensionScenariosTest {

    static McpSyncClient client(HostedMcpEmulatorRuntime runtime, String path, String token) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl()).endpoint(path)
                        .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        return client;
    }

    static int count(McpSyncClient client, String soql) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", soql)));
        assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
        return ((Number) ((Map<?, ?>) r.structuredContent()).get("totalSize")).intValue();
    }

    /** The demo org, reset before each test: what one test writes, the next one does not see. */
    @Nested
    @HostedMcpEmulatorTest(options = "auto-login=true")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DemoOrgResetBetweenTests {

        @Test
        @Order(1)
        void aRepCreatesAnAccount(@AccessTokenFor("rep@acme.example") String token, HostedMcpEmulatorRuntime runtime) {
            McpSyncClient rep = client(runtime, "/platform/mcp/v1/platform/sobject-all", token);
            McpSchema.CallToolResult created = rep.callTool(new McpSchema.CallToolRequest("createSobjectRecord",
                    Map.of("sobject-name", "Account", "body", Map.of("Name", "Extension Scenario Co"))));
            assertFalse(Boolean.TRUE.equals(created.isError()), created.toString());
            assertEquals(1, count(rep, "SELECT COUNT() FROM Account WHERE Name = 'Extension Scenario Co'"));
            rep.closeGracefully();
        }

        @Test
        @Order(2)
        void theNextTestStartsFromTheLoadedOrg(@AccessTokenFor("rep@acme.example") String token, HostedMcpEmulatorRuntime runtime) {
            McpSyncClient rep = client(runtime, "/platform/mcp/v1/platform/sobject-all", token);
            assertEquals(0, count(rep, "SELECT COUNT() FROM Account WHERE Name = 'Extension Scenario Co'"));
            assertEquals(1, runtime.apiUsage("acme").used(), "the quota was reset too: only this test's call counts");
            rep.closeGracefully();
        }
    }

    /** A custom fixture instead of the demo org. */
    @Nested
    @HostedMcpEmulatorTest(options = {"auto-login=true", "fixture=src/test/resources/fixtures/tiny-org.yaml"})
    class CustomFixture {

        @Test
        void itsUsersAndRecordsAreThere(@AccessTokenFor("owner@tiny.example") String token, HostedMcpEmulatorRuntime runtime) {
            McpSyncClient owner = client(runtime, "/platform/mcp/v1/d/tiny/platform/sobject-reads", token);
            assertEquals(1, count(owner, "SELECT COUNT() FROM Account WHERE Name = 'Tiny Widgets'"));
            owner.closeGracefully();
        }
    }
}
