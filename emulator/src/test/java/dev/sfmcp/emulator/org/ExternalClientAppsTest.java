package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Propagation: a change takes effect only after the delay, the previous version stays in force until then. */
class ExternalClientAppsTest {

    final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
    final ExternalClientApps apps = new ExternalClientApps(clock);

    @Test
    void aNewAppIsAbsentUntilItPropagates() {
        apps.setPropagationDelay(Duration.ofMinutes(10));
        apps.deploy(ExternalClientApp.builder("k").build());
        assertTrue(apps.effective("k").isEmpty());
        assertTrue(apps.latest("k").isPresent());
        clock.advance(Duration.ofMinutes(9));
        assertTrue(apps.effective("k").isEmpty());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(apps.effective("k").isPresent());
    }

    @Test
    void aChangedAppKeepsItsOldSettingsUntilTheChangePropagates() {
        apps.install(ExternalClientApp.builder("k").isPkceRequired(true).build());
        apps.setPropagationDelay(Duration.ofMinutes(10));
        apps.deploy(ExternalClientApp.builder("k").isPkceRequired(false).build());
        assertEquals(true, apps.effective("k").orElseThrow().isPkceRequired());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(false, apps.effective("k").orElseThrow().isPkceRequired());
    }

    @Test
    void removalIsImmediate() {
        apps.install(ExternalClientApp.builder("k").build());
        assertTrue(apps.remove("k"));
        assertTrue(apps.effective("k").isEmpty());
    }
}
