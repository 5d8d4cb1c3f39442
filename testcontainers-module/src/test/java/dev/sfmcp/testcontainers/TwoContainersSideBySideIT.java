package dev.sfmcp.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Two emulators in one test class: separate ports, separate clocks, separate configuration. */
@RequiresEmulatorImage
@Testcontainers
class TwoContainersSideBySideIT {

    @Container
    static final SalesforceHostedMcpContainer EVERYTHING = new SalesforceHostedMcpContainer().withNoAuth(true);

    @Container
    static final SalesforceHostedMcpContainer READS_ONLY = new SalesforceHostedMcpContainer().withNoAuth(true)
            .withActiveServers("sobject-reads");

    @Test
    void eachHasItsOwnPort() {
        assertNotEquals(EVERYTHING.getBaseUrl(), READS_ONLY.getBaseUrl());
    }

    @Test
    void eachHasItsOwnClock() {
        Instant untouched = READS_ONLY.getAdminClient().clock().now();
        Instant moved = EVERYTHING.advanceClock(Duration.ofDays(3)).now();
        Instant stillNear = READS_ONLY.getAdminClient().clock().now();
        assertTrue(Duration.between(untouched, stillNear).toMinutes() < 5, untouched + " -> " + stillNear);
        assertTrue(Duration.between(stillNear, moved).toHours() > 70, stillNear + " vs " + moved);
        EVERYTHING.advanceClock(Duration.ofDays(-3));
    }

    @Test
    void eachServesItsOwnActiveServers() {
        McpSyncClient all = McpClients.forUrl(EVERYTHING.getMcpUrl("sobject-all"));
        all.initialize();
        assertEquals(11, all.listTools().tools().size());
        all.closeGracefully();

        McpSyncClient reads = McpClients.forUrl(READS_ONLY.getMcpUrl("sobject-reads"));
        reads.initialize();
        reads.closeGracefully();

        // An inactive server answers 404 on the container that did not activate it.
        McpSyncClient inactive = McpClients.forUrl(READS_ONLY.getMcpUrl("sobject-all"));
        assertThrows(RuntimeException.class, inactive::initialize);
        try {
            inactive.close();
        } catch (NullPointerException sdkRace) {
            // the Java SDK 2.1.0 may hold no session to close after a refused initialize
        }
    }
}
