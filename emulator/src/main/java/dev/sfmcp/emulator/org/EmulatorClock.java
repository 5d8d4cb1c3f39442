package dev.sfmcp.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of the emulator: token expiry, quotas, delays, CreatedDate and relative date literals all read it.
 * It runs with the wall clock from an offset the admin API can set, advance or freeze, so tests move time instead
 * of sleeping. This class is the only place that reads the system clock.
 */
public final class EmulatorClock extends Clock {

    private final Clock wall;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    /** A clock over another source of wall time, for tests that need a fixed start. */
    public EmulatorClock(Clock wall) {
        this.wall = wall;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : wall.instant().plus(offset);
    }

    /** Moves time forward (or back, with a negative duration) whether frozen or running. */
    public synchronized void advance(Duration by) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Sets the current time; a frozen clock stays frozen at the new time. */
    public synchronized void set(Instant now) {
        if (frozenAt != null) {
            frozenAt = now;
        } else {
            offset = Duration.between(wall.instant(), now);
        }
    }

    /** Stops time at exactly {@code at} until {@link #unfreeze()}. */
    public synchronized void freezeAt(Instant at) {
        frozenAt = at;
    }

    /** Stops time at the current instant until {@link #unfreeze()}. */
    public synchronized void freeze() {
        if (frozenAt == null) {
            frozenAt = instant();
        }
    }

    /** Lets time run again from where it stood. */
    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(wall.instant(), frozenAt);
            frozenAt = null;
        }
    }

    public boolean isFrozen() {
        return frozenAt != null;
    }

    /** Back to wall time, running. */
    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }
}
