package dev.sfmcp.emulator.fault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults in force. The transport asks it once per JSON-RPC message; with no rules that is one volatile read, so an
 * emulator without faults pays nothing measurable.
 */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public FaultRule add(FaultType type, FaultMatch match, long latencyMillis, Integer times, Double probability, Long seed) {
        FaultRule rule = new FaultRule("fault-" + ids.incrementAndGet(), type, match, latencyMillis, times, probability, seed);
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> list() {
        return List.copyOf(rules);
    }

    public boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    public void clear() {
        rules.clear();
    }

    /** The first rule that matches this call and fires; rules whose times are used up are dropped. */
    public Optional<FaultRule> fire(String server, String tool, String user, String method) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (FaultRule rule : rules) {
            if (rule.match().matches(server, tool, user, method) && rule.tryFire()) {
                if (rule.exhausted()) {
                    rules.remove(rule);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
