package dev.sfmcp.emulator.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void advancesSetsFreezesAndUnfreezes() {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
        assertEquals(T0, clock.instant());
        clock.advance(Duration.ofHours(2));
        assertEquals(T0.plus(Duration.ofHours(2)), clock.instant());
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), clock.instant());
        clock.freeze();
        assertTrue(clock.isFrozen());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Instant.parse("2027-01-01T00:00:05Z"), clock.instant());
        clock.unfreeze();
        assertEquals(Instant.parse("2027-01-01T00:00:05Z"), clock.instant());
        clock.reset();
        assertEquals(T0, clock.instant());
    }

    @Test
    void serverActivationWaitsForTheDelayOnTheClock() {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
        McpServerStates states = new McpServerStates(clock, java.util.List.of("platform/sobject-reads"));
        assertEquals(McpServerStates.State.ACTIVE, states.state("platform/sobject-reads"));
        assertEquals(McpServerStates.State.INACTIVE, states.state("platform/sobject-all"));
        states.setActivationDelay(Duration.ofMinutes(2));
        states.activate("platform/sobject-all");
        assertEquals(McpServerStates.State.PENDING_ACTIVATION, states.state("platform/sobject-all"));
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertEquals(McpServerStates.State.ACTIVE, states.state("platform/sobject-all"));
        states.deactivate("platform/sobject-all");
        assertEquals(McpServerStates.State.INACTIVE, states.state("platform/sobject-all"));
    }
}
