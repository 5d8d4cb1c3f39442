package dev.sfmcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        EmulatorConfig config = EmulatorConfig.defaults();
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(Duration.ofMinutes(30), config.sessionIdleTimeout());
        assertEquals(4, config.activeServers().size());
        assertEquals(false, config.noAuth());
        assertEquals(null, config.publicUrl());
    }

    @Test
    void argumentsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of("SFMCP_PORT", "9000", "SFMCP_HOST", "0.0.0.0");
        EmulatorConfig fromEnv = EmulatorConfig.from(new String[0], env);
        assertEquals(9000, fromEnv.port());
        assertEquals("0.0.0.0", fromEnv.host());
        EmulatorConfig both = EmulatorConfig.from(new String[] {"--port", "9100", "--host=127.0.0.2"}, env);
        assertEquals(9100, both.port());
        assertEquals("127.0.0.2", both.host());
    }

    @Test
    void switchesTakeAnOptionalValue() {
        assertTrue(EmulatorConfig.from(new String[] {"--no-auth"}, Map.of()).noAuth());
        assertEquals(false, EmulatorConfig.from(new String[] {"--no-auth", "false"}, Map.of()).noAuth());
        assertTrue(EmulatorConfig.from(new String[] {"--no-auth", "--port", "1"}, Map.of()).noAuth());
    }

    @Test
    void parsesDurationsListsAndUrls() {
        EmulatorConfig config = EmulatorConfig.from(new String[] {"--session-idle-timeout", "90s",
                "--active-servers", "platform/sobject-reads, platform/sobject-all", "--public-url", "https://mcp.example.test/"}, Map.of());
        assertEquals(Duration.ofSeconds(90), config.sessionIdleTimeout());
        assertEquals(Set.of("platform/sobject-reads", "platform/sobject-all"), config.activeServers());
        assertEquals("https://mcp.example.test", config.publicUrl());
    }

    @Test
    void badInputGetsAOneLineMessage() {
        assertEquals("--port must be a whole number, not 'abc'",
                assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--port", "abc"}, Map.of())).getMessage());
        assertEquals("unknown option '--prot' (see --help)",
                assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--prot", "1"}, Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--session-idle-timeout", "soon"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--catalog", "beta"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--public-url", "ftp://x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--port"}, Map.of()));
    }

    @Test
    void helpListsEveryOptionWithItsVariable() {
        String help = EmulatorConfig.helpText();
        for (Option option : Option.values()) {
            assertTrue(help.contains("--" + option.cliName()), option.cliName());
            assertTrue(help.contains(option.envName()), option.envName());
        }
    }
}
