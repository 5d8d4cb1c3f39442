package dev.sfmcp.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfmcp.emulator.org.McpServerStates;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code @RegisterExtension} form with emulator options set through the builder. */
class ProgrammaticExtensionTest {

    @RegisterExtension
    static final HostedMcpEmulatorExtension SALESFORCE = HostedMcpEmulatorExtension.newInstance()
            .noAuth(true)
            .option("tools-page-size", "4")
            .activeServers("sobject-reads", "platform/sobject-all")
            .build();

    static int portSeenBeforeAll;

    @BeforeAll
    static void runtimeIsReadyForBeforeAll() {
        portSeenBeforeAll = SALESFORCE.getRuntime().getPort();
    }

    @Test
    void optionsReachTheEmulator(HostedMcpEmulatorRuntime runtime) {
        assertEquals(portSeenBeforeAll, runtime.getPort());
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(runtime.getBaseUrl())
                .endpoint("/platform/mcp/v1/platform/sobject-all").build()).requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        McpSchema.ListToolsResult first = client.listTools(null);
        assertEquals(4, first.tools().size(), "tools-page-size=4");
        assertNotNull(first.nextCursor());
        client.closeGracefully();
        assertEquals(McpServerStates.State.INACTIVE, runtime.getEmulator().servers().state("platform/sobject-mutations"));
        assertEquals(McpServerStates.State.ACTIVE, runtime.getEmulator().servers().state("platform/sobject-reads"));
    }

    @Test
    void anUnknownOptionIsRefusedWhenTheExtensionIsBuilt() {
        ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
                () -> HostedMcpEmulatorExtension.newInstance().option("no-such-option", "1"));
        assertEquals("the emulator has no option 'no-such-option' (java -jar sfmcp-emulator.jar --help lists them)", e.getMessage());
        ExtensionConfigurationException bad = assertThrows(ExtensionConfigurationException.class,
                () -> HostedMcpEmulatorExtension.newInstance().option("tools-page-size", "zero").build());
        assertEquals("invalid emulator option: --tools-page-size must be a whole number, not 'zero'", bad.getMessage());
    }
}
