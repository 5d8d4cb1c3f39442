package dev.sfmcp.emulator.org;

import dev.sfmcp.emulator.http.McpPathParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which MCP servers are active. Standard servers are disabled by default on the real service; activation takes
 * effect after an activation delay on the emulator's clock (0 by default, two minutes in the realistic preset), and
 * a server is "pending" until then.
 */
public final class McpServerStates {

    /** The state of one server as Setup would show it. */
    public enum State { ACTIVE, PENDING_ACTIVATION, INACTIVE }

    private final Clock clock;
    private final Map<String, Instant> activeFrom = new ConcurrentHashMap<>();
    private volatile Duration activationDelay = Duration.ZERO;

    public McpServerStates(Clock clock, Collection<String> initiallyActive) {
        this.clock = clock;
        Instant past = Instant.EPOCH;
        initiallyActive.forEach(s -> activeFrom.put(s, past));
    }

    public void setActivationDelay(Duration delay) {
        this.activationDelay = delay;
    }

    public Duration activationDelay() {
        return activationDelay;
    }

    /** Activates a server; it becomes usable after the activation delay. Activating an active server changes nothing. */
    public void activate(String server) {
        activeFrom.putIfAbsent(server, clock.instant().plus(activationDelay));
    }

    public void deactivate(String server) {
        activeFrom.remove(server);
    }

    public State state(String server) {
        Instant from = activeFrom.get(server);
        if (from == null) {
            return State.INACTIVE;
        }
        return from.isAfter(clock.instant()) ? State.PENDING_ACTIVATION : State.ACTIVE;
    }

    public boolean isActive(String server) {
        return state(server) == State.ACTIVE;
    }

    /**
     * One line of Setup's MCP Servers page.
     *
     * @param activeFrom when the server became (or, while pending, will become) active; null when inactive, the epoch
     *                   for a server active since the org was loaded
     */
    public record ServerStatus(String server, State state, Instant activeFrom) {
    }

    /**
     * Every standard server (active, pending or inactive) and any other server activated here, by name; the pending
     * ones with the instant they become active.
     */
    public List<ServerStatus> statuses() {
        Set<String> names = new TreeSet<>(McpPathParser.sobjectServers());
        names.addAll(activeFrom.keySet());
        List<ServerStatus> out = new ArrayList<>();
        for (String s : names) {
            Instant from = activeFrom.get(s);
            out.add(new ServerStatus(s, state(s), from));
        }
        return out;
    }

    /** Every server that is active or pending, with its state. */
    public Map<String, State> snapshot() {
        Map<String, State> out = new LinkedHashMap<>();
        activeFrom.keySet().stream().sorted().forEach(s -> out.put(s, state(s)));
        return out;
    }
}
