package dev.sfmcp.emulator.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MCP Java SDK, a real client, against a running emulator. */
class JavaSdkClientTest {

    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static McpSyncClient client(String path) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl())
                .endpoint(path).build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("sfmcp-test", "1.0")).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "platform/sobject-reads, 6",
            "platform/sobject-mutations, 6",
            "platform/sobject-deletes, 5",
            "platform/sobject-all, 11",
    })
    void initializesListsToolsAndClosesGracefully(String server, int toolCount) {
        int before = emulator.sessions().size();
        McpSyncClient client = client("/platform/mcp/v1/" + server);
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("2025-11-25", init.protocolVersion());
        assertEquals("sfmcp-emulator", init.serverInfo().name());
        assertNotNull(init.capabilities().tools());
        assertEquals(before + 1, emulator.sessions().size());
        McpSchema.ListToolsResult tools = client.listTools();
        assertEquals(toolCount, tools.tools().size());
        for (McpSchema.Tool tool : tools.tools()) {
            assertNotNull(tool.description(), tool.name());
            assertNotNull(tool.inputSchema(), tool.name());
        }
        client.ping();
        assertTrue(client.closeGracefully(), "closeGracefully");
        assertEquals(before, emulator.sessions().size(), "closeGracefully sends DELETE, which ends the session");
    }

    @Test
    void followsToolsListPagination() {
        try (Emulator small = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")
                .with(Option.TOOLS_PAGE_SIZE, "4")).start()) {
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(small.localBaseUrl())
                    .endpoint("/platform/mcp/v1/platform/sobject-all").build()).requestTimeout(Duration.ofSeconds(20)).build();
            client.initialize();
            McpSchema.ListToolsResult first = client.listTools(null);
            assertEquals(4, first.tools().size());
            assertNotNull(first.nextCursor());
            // the no-argument listTools follows every cursor
            assertEquals(11, client.listTools().tools().size());
            client.closeGracefully();
        }
    }

    @Test
    void toolResultsAndToolErrorsReachTheSdk() {
        McpSyncClient client = client("/platform/mcp/v1/platform/sobject-reads");
        client.initialize();
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Id FROM Account LIMIT 3")));
        assertTrue(!result.isError());
        assertEquals(3, ((Map<?, ?>) result.structuredContent()).get("totalSize"));
        McpSchema.CallToolResult error = client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Nope FROM Account")));
        assertTrue(error.isError());
        String text = ((McpSchema.TextContent) error.content().get(0)).text();
        assertTrue(text.contains("\"errorCode\":\"INVALID_FIELD\"") && text.contains("No such column 'Nope' on entity 'Account'"), text);
        assertThrows(RuntimeException.class, () -> client.callTool(new McpSchema.CallToolRequest("deleteSobjectRecord", Map.of())));
        client.closeGracefully();
    }

    @Test
    void promptsListOnSobjectAll() {
        McpSyncClient client = client("/platform/mcp/v1/platform/sobject-all");
        McpSchema.InitializeResult init = client.initialize();
        assertNotNull(init.capabilities().prompts());
        assertEquals(List.of("Account_Review_Briefing", "Opportunity_Pipeline_Review", "Case_Summary"),
                client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList());
        client.closeGracefully();
    }
}
