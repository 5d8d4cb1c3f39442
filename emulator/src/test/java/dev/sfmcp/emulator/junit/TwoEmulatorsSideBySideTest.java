package dev.sfmcp.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.org.McpServerStates;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two in-process emulators in one test class: separate ports, clocks and configuration. */
class TwoEmulatorsSideBySideTest {

    @RegisterExtension
    static final HostedMcpEmulatorExtension EVERYTHING = HostedMcpEmulatorExtension.newInstance().build();

    @RegisterExtension
    static final HostedMcpEmulatorExtension READS_ONLY = HostedMcpEmulatorExtension.newInstance()
            .activeServers("sobject-reads").build();

    @Test
    void eachHasItsOwnPortClockAndServers() {
        HostedMcpEmulatorRuntime everything = EVERYTHING.getRuntime();
        HostedMcpEmulatorRuntime readsOnly = READS_ONLY.getRuntime();
        assertNotEquals(everything.getPort(), readsOnly.getPort());

        everything.advanceClock(Duration.ofDays(2));
        assertTrue(Duration.between(Clock.systemUTC().instant(), readsOnly.getAdminClient().clock().now()).abs().toMinutes() < 1,
                "the other emulator's clock did not move");
        assertTrue(Duration.between(Clock.systemUTC().instant(), everything.getAdminClient().clock().now()).toHours() > 47);

        assertEquals(McpServerStates.State.ACTIVE, everything.getEmulator().servers().state("platform/sobject-all"));
        assertEquals(McpServerStates.State.INACTIVE, readsOnly.getEmulator().servers().state("platform/sobject-all"));
    }
}
