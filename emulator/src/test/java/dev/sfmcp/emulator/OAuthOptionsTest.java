package dev.sfmcp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.oauth.PrmMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth options: defaults, environment variables, the realistic preset and bad values. */
class OAuthOptionsTest {

    @Test
    void defaultsAreTheSafeOnes() {
        EmulatorConfig config = EmulatorConfig.defaults();
        assertFalse(config.autoLogin());
        assertEquals(PrmMode.LOGIN, config.prmMode());
        assertTrue(config.oidcAdvertisesPkce());
        assertEquals(Duration.ZERO, config.appPropagationDelay());
        assertEquals(Duration.ZERO, config.serverActivationDelay());
        assertEquals(Duration.ofMinutes(15), config.authorizationCodeLifetime());
    }

    @Test
    void environmentVariablesAndSwitchesSetThem() {
        EmulatorConfig config = EmulatorConfig.from(new String[] {"--auto-login", "--prm-mode", "self"},
                Map.of("SFMCP_OIDC_ADVERTISES_PKCE", "false", "SFMCP_APP_PROPAGATION_DELAY", "90s"));
        assertTrue(config.autoLogin());
        assertEquals(PrmMode.SELF, config.prmMode());
        assertFalse(config.oidcAdvertisesPkce());
        assertEquals(Duration.ofSeconds(90), config.appPropagationDelay());
    }

    @Test
    void theRealisticPresetIsTwoMinutesForServersAndTenForApps() {
        EmulatorConfig config = EmulatorConfig.from(new String[0], Map.of("SFMCP_REALISTIC_DELAYS", "true"));
        assertEquals(Duration.ofMinutes(2), config.serverActivationDelay());
        assertEquals(Duration.ofMinutes(10), config.appPropagationDelay());
        try (Emulator emulator = new Emulator(config.with(Option.PORT, "0"))) {
            assertEquals(Duration.ofMinutes(10), emulator.orgs().byMyDomain("acme").orElseThrow().apps().propagationDelay());
            assertEquals(Duration.ofMinutes(2), emulator.orgs().byMyDomain("acme").orElseThrow().servers().activationDelay());
        }
    }

    @Test
    void badValuesAreOneLineErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorConfig.from(new String[] {"--prm-mode", "api"}, Map.of()));
        assertEquals("--prm-mode must be login or self, not 'api'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.from(new String[] {"--auto-login", "maybe"}, Map.of()));
    }

    @Test
    void helpListsEveryOAuthOptionWithItsVariable() {
        String help = EmulatorConfig.helpText();
        for (String name : new String[] {"--auto-login", "SFMCP_AUTO_LOGIN", "--prm-mode", "--oidc-advertises-pkce",
                "--realistic-delays", "SFMCP_REALISTIC_DELAYS", "--app-propagation-delay", "--server-activation-delay"}) {
            assertTrue(help.contains(name), name);
        }
    }
}
