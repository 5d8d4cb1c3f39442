package dev.sfmcp.emulator.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The authorization codes in flight: issued by authorize, redeemed once by the token endpoint, gone after expiry. */
public final class AuthorizationCodes {

    private final Clock clock;
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();
    private volatile Duration lifetime;

    public AuthorizationCodes(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Issues a code. */
    public String issue(String orgId, String userId, String clientId, String redirectUri, String codeChallenge,
                        List<String> scopes, LoginHost host) {
        if (sinceSweep.incrementAndGet() >= 10_000) {
            sinceSweep.set(0);
            Instant cutoff = clock.instant().minus(Duration.ofHours(1));
            codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        }
        String code = RandomTokens.code();
        codes.put(code, new AuthorizationCode(orgId, userId, clientId, redirectUri, codeChallenge, List.copyOf(scopes), host,
                clock.instant().plus(lifetime), new AtomicBoolean(), new AtomicReference<>()));
        return code;
    }

    /** The code, redeemed or not, until it is swept (an hour after expiry), so that replays are recognised. */
    public Optional<AuthorizationCode> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }

    public Duration lifetime() {
        return lifetime;
    }
}
