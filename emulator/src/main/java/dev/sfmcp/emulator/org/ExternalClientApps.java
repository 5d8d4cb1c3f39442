package dev.sfmcp.emulator.org;

import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An org's External Client Apps with Salesforce's propagation delay: a created or changed app takes effect only once
 * the delay has passed on the emulator's clock; until then the previous version (or, for a new app, nothing) is in
 * force, so OAuth answers "client identifier invalid" for a brand-new consumer key.
 */
public final class ExternalClientApps {

    private record Version(ExternalClientApp app, Instant effectiveFrom) {
    }

    private final Clock clock;
    private final Map<String, List<Version>> versions = new ConcurrentHashMap<>();
    private volatile Duration propagationDelay = Duration.ZERO;

    public ExternalClientApps(Clock clock) {
        this.clock = clock;
    }

    public void setPropagationDelay(Duration delay) {
        this.propagationDelay = delay;
    }

    public Duration propagationDelay() {
        return propagationDelay;
    }

    /** Creates or changes an app; the new settings apply after the propagation delay. */
    public void deploy(ExternalClientApp app) {
        Instant from = clock.instant().plus(propagationDelay);
        versions.compute(app.consumerKey(), (k, list) -> {
            List<Version> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(new Version(app, from));
            return List.copyOf(next);
        });
    }

    /** Installs an app that is in force at once, as a fixture-loaded app is. */
    public void install(ExternalClientApp app) {
        versions.put(app.consumerKey(), List.of(new Version(app, Instant.EPOCH)));
    }

    /** Deletes an app at once. */
    public boolean remove(String consumerKey) {
        return versions.remove(consumerKey) != null;
    }

    /** The version in force now, if any. */
    public Optional<ExternalClientApp> effective(String consumerKey) {
        List<Version> list = consumerKey == null ? null : versions.get(consumerKey);
        if (list == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).effectiveFrom().isAfter(now)) {
                return Optional.of(list.get(i).app());
            }
        }
        return Optional.empty();
    }

    /** The latest deployed version, in force or still propagating. */
    public Optional<ExternalClientApp> latest(String consumerKey) {
        List<Version> list = versions.get(consumerKey);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1).app());
    }

    /** When the latest version takes effect. */
    public Optional<Instant> latestEffectiveFrom(String consumerKey) {
        List<Version> list = versions.get(consumerKey);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1).effectiveFrom());
    }

    public List<String> consumerKeys() {
        return versions.keySet().stream().sorted().toList();
    }
}
