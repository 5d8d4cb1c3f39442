package dev.sfmcp.emulator.fault;

import java.util.Random;

/**
 * One injected fault: what it does, which calls it matches, and how often: the next {@code times} matching calls, or
 * each matching call with a probability drawn from a seeded generator (reproducible), or every matching call.
 */
public final class FaultRule {

    private final String id;
    private final FaultType type;
    private final FaultMatch match;
    private final long latencyMillis;
    private final Double probability;
    private final Long seed;
    private final Random random;
    private Integer remaining;
    private int fired;

    public FaultRule(String id, FaultType type, FaultMatch match, long latencyMillis, Integer times, Double probability, Long seed) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (probability != null && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        if (times != null && probability != null) {
            throw new IllegalArgumentException("give either times or probability, not both");
        }
        if (latencyMillis < 0 || latencyMillis > 600_000) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and 600000");
        }
        this.id = id;
        this.type = type;
        this.match = match;
        this.latencyMillis = latencyMillis;
        this.remaining = times;
        this.probability = probability;
        this.seed = seed;
        this.random = probability == null ? null : (seed == null ? new Random() : new Random(seed));
    }

    /** Whether this rule fires for a matching call, consuming one of its times. */
    synchronized boolean tryFire() {
        if (remaining != null) {
            if (remaining <= 0) {
                return false;
            }
            remaining--;
        } else if (random != null && random.nextDouble() >= probability) {
            return false;
        }
        fired++;
        return true;
    }

    synchronized boolean exhausted() {
        return remaining != null && remaining <= 0;
    }

    public String id() {
        return id;
    }

    public FaultType type() {
        return type;
    }

    public FaultMatch match() {
        return match;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public synchronized Integer remaining() {
        return remaining;
    }

    public Double probability() {
        return probability;
    }

    public Long seed() {
        return seed;
    }

    public synchronized int fired() {
        return fired;
    }
}
