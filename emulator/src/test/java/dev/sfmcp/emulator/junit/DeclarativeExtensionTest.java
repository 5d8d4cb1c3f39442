package dev.sfmcp.emulator.junit;

import dev.sfmcp.client.ClockState;
import dev.sfmcp.client.EmulatorAdminClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link HostedMcpEmulatorTest} as a user writes it: injected runtime, admin client, base URL and a real MCP client. */
@HostedMcpEmulatorTest(noAuth = true)
class DeclarativeExtensionTest {

    private final HostedMcpEmulatorRuntime fromConstructor;

    DeclarativeExtensionTest(HostedMcpEmulatorRuntime runtime) {
        this.fromConstructor = runtime;
    }

    @Test
    void injectsOneEmulatorOnAFreePortEverywhere(HostedMcpEmulatorRuntime runtime, EmulatorAdminClient admin,
            Emulator emulator, @EmulatorBaseUrl String baseUrl) {
        assertSame(fromConstructor, runtime);
        assertSame(runtime.getEmulator(), emulator);
        assertSame(runtime.getAdminClient(), admin);
        assertEquals("http://127.0.0.1:" + emulator.port(), baseUrl);
        assertTrue(emulator.port() > 0 && emulator.port() != 8080, "a free port, not the default");
        assertEquals("UP", admin.health().path("status").asText());
    }

    @Test
    void theMcpJavaSdkTalksToIt(HostedMcpEmulatorRuntime runtime) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl())
                .endpoint("/platform/mcp/v1/platform/sobject-all").build()).requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        assertEquals(11, client.listTools().tools().size());
        assertTrue(client.closeGracefully());
        assertEquals(runtime.getBaseUrl() + "/platform/mcp/v1/platform/sobject-all", runtime.getMcpUrl("sobject-all"));
    }

    @Test
    void advanceClockMovesTheInProcessClock(HostedMcpEmulatorRuntime runtime) {
        Instant before = runtime.getEmulator().clock().instant();
        ClockState after = runtime.advanceClock(Duration.ofHours(3));
        assertTrue(!after.now().isBefore(before.plus(Duration.ofHours(3))), before + " -> " + after);
        assertEquals(after.now().getEpochSecond(), runtime.getAdminClient().clock().now().getEpochSecond(), 2);
    }
}
