package dev.sfmcp.emulator.org;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.fixtures.org.LoadedOrg;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One emulated org as the OAuth layer and the gateway see it: its Id, My Domain, environment and instance, session
 * timeout, External Client Apps, users, RS256 signing key and which MCP servers are active.
 */
public final class Org {

    /** The session timeout Salesforce orgs have unless Setup changes it. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(2);

    private final String id;
    private final String name;
    private final String myDomain;
    private final Environment environment;
    private final String instanceName;
    private final Duration sessionTimeout;
    private final Clock clock;
    private final int signingKeyBits;
    private volatile RSAKey signingKey;
    private final ExternalClientApps apps;
    private final McpServerStates servers;
    private final LoadedOrg data;
    private final ApiQuota quota;
    private final EventLog eventLog;
    private final Map<String, OrgUser> usersByName = new ConcurrentHashMap<>();
    private final Map<String, OrgUser> usersById = new ConcurrentHashMap<>();

    private Org(Builder b, Clock clock) {
        this.id = SalesforceId.eighteen(b.id);
        this.name = Objects.requireNonNull(b.name, "name");
        if (b.myDomain == null || !b.myDomain.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?(--[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)?")) {
            throw new IllegalArgumentException("'" + b.myDomain + "' is not a My Domain name (lower case letters, digits, "
                    + "hyphens; a sandbox is {domain}--{sandbox})");
        }
        this.myDomain = b.myDomain;
        this.environment = b.environment;
        if ((environment == Environment.SANDBOX) != myDomain.contains("--")) {
            throw new IllegalArgumentException("a sandbox's My Domain is {domain}--{sandbox}, and only a sandbox's: '" + myDomain
                    + "' is " + environment);
        }
        this.instanceName = b.instanceName;
        this.sessionTimeout = b.sessionTimeout;
        this.clock = clock;
        this.signingKeyBits = b.signingKeyBits;
        this.signingKey = b.signingKey; // generated on first use otherwise: key generation must not slow org loading
        this.apps = new ExternalClientApps(clock);
        this.servers = new McpServerStates(clock, b.activeServers);
        this.data = b.data;
        this.quota = new ApiQuota(clock, b.apiRequestLimit);
        this.eventLog = new EventLog(b.eventLogCapacity);
    }

    /** The org's records, schema and security model, when it was loaded from a fixture. */
    public Optional<LoadedOrg> data() {
        return Optional.ofNullable(data);
    }

    /** The org's DailyApiRequests quota, counted over a rolling 24 hours. */
    public ApiQuota quota() {
        return quota;
    }

    /** The org's ApiTotalUsage events. */
    public EventLog eventLog() {
        return eventLog;
    }

    /** A builder; {@code id} is the org's 15- or 18-character Id ({@code 00D...}). */
    public static Builder builder(String id, String name, String myDomain) {
        return new Builder(id, name, myDomain);
    }

    private static RSAKey generateKey(String orgId, int bits, Clock clock) {
        try {
            // kid as Salesforce writes it: CORE_ATJWT.<15-char org Id>.<epoch ms>
            return new RSAKeyGenerator(bits, bits < 2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("CORE_ATJWT." + orgId.substring(0, 15) + "." + clock.millis()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the org's signing key", e);
        }
    }

    public String id() {
        return id;
    }

    public String id15() {
        return id.substring(0, 15);
    }

    public String name() {
        return name;
    }

    /** The My Domain label, e.g. {@code acme} or, for a sandbox, {@code acme--uat}. */
    public String myDomain() {
        return myDomain;
    }

    public Environment environment() {
        return environment;
    }

    /** The instance, e.g. {@code NA224} (what {@code tnk} names). */
    public String instanceName() {
        return instanceName;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** The org's RS256 key pair: the fixture's, or one generated on first use. */
    public RSAKey signingKey() {
        RSAKey key = signingKey;
        if (key == null) {
            synchronized (this) {
                key = signingKey;
                if (key == null) {
                    key = generateKey(id, signingKeyBits, clock);
                    signingKey = key;
                }
            }
        }
        return key;
    }

    public ExternalClientApps apps() {
        return apps;
    }

    public McpServerStates servers() {
        return servers;
    }

    /** Adds or replaces a user (matched by username). */
    public void putUser(OrgUser user) {
        if (!user.orgId().equals(id)) {
            throw new IllegalArgumentException("user " + user.username() + " belongs to org " + user.orgId() + ", not " + id);
        }
        OrgUser previous = usersByName.put(user.username().toLowerCase(), user);
        if (previous != null && !previous.id().equals(user.id())) {
            usersById.remove(previous.id());
        }
        usersById.put(user.id(), user);
    }

    /** Forgets a user (one a reset removed from the security model); answers whether there was one. */
    public boolean removeUser(String username) {
        OrgUser removed = username == null ? null : usersByName.remove(username.toLowerCase());
        if (removed != null) {
            usersById.remove(removed.id());
        }
        return removed != null;
    }

    public Optional<OrgUser> user(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(usersByName.get(username.toLowerCase()));
    }

    public Optional<OrgUser> userById(String userId) {
        if (userId == null || !(userId.length() == 15 || userId.length() == 18)) {
            return Optional.empty();
        }
        OrgUser direct = usersById.get(userId); // the gateway's per-call lookup: no checksum work for 18-char Ids
        if (direct != null) {
            return Optional.of(direct);
        }
        try {
            return Optional.ofNullable(usersById.get(SalesforceId.eighteen(userId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Collection<OrgUser> users() {
        return List.copyOf(usersByName.values());
    }

    /** Builds an {@link Org}. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String myDomain;
        private Environment environment = Environment.PRODUCTION;
        private String instanceName = "NA224";
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private RSAKey signingKey;
        private int signingKeyBits = 2048;
        private Collection<String> activeServers = List.of();
        private LoadedOrg data;
        private long apiRequestLimit = 100_000;
        private int eventLogCapacity = 100_000;

        private Builder(String id, String name, String myDomain) {
            this.id = id;
            this.name = name;
            this.myDomain = myDomain == null ? null : myDomain.toLowerCase();
        }

        public Builder environment(Environment v) { environment = Objects.requireNonNull(v); return this; }
        public Builder instanceName(String v) { instanceName = Objects.requireNonNull(v); return this; }
        public Builder sessionTimeout(Duration v) { sessionTimeout = Objects.requireNonNull(v); return this; }
        /** A fixture-given key (with a private part); by default one is generated at start. */
        public Builder signingKey(RSAKey v) { signingKey = v; return this; }
        /** The size of a generated key; 2048 as Salesforce's, smaller only for load tests. */
        public Builder signingKeyBits(int v) {
            if (v != 1024 && v != 2048 && v != 3072 && v != 4096) {
                throw new IllegalArgumentException("signing key bits must be 1024, 2048, 3072 or 4096, not " + v);
            }
            signingKeyBits = v;
            return this;
        }
        public Builder activeServers(Collection<String> v) { activeServers = List.copyOf(v); return this; }
        /** The records, schema and security model behind the org. */
        public Builder data(LoadedOrg v) { data = v; return this; }
        public Builder apiRequestLimit(long v) { apiRequestLimit = v; return this; }
        public Builder eventLogCapacity(int v) { eventLogCapacity = v; return this; }

        public Org build(Clock clock) {
            return new Org(this, clock);
        }
    }
}
