package dev.sfmcp.testcontainers;

import dev.sfmcp.client.EmulatorEndpoints;

import dev.sfmcp.client.ApiUsage;
import dev.sfmcp.client.AuthorizationCodeFlow;
import dev.sfmcp.client.ClockState;
import dev.sfmcp.client.EmulatorAdminClient;
import dev.sfmcp.client.EmulatorRequestException;
import dev.sfmcp.client.OAuthTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Testcontainers container running the Salesforce Hosted MCP Servers emulator. Configure it fluently
 * ({@code withDemoOrg}, {@code withFixture}, {@code withAutoLogin}, ...), start it, then point an MCP client at
 * {@link #getMcpUrl(String)} with a token from {@link #accessTokenFor(String)}:
 *
 * <pre>{@code
 * @Container
 * static SalesforceHostedMcpContainer salesforce = new SalesforceHostedMcpContainer().withDemoOrg(true).withAutoLogin(true);
 *
 * String token = salesforce.accessTokenFor("admin@acme.example");
 * String url = salesforce.getMcpUrl("sobject-reads");
 * }</pre>
 *
 * The image defaults to {@value #DEFAULT_IMAGE}; the system property {@value #IMAGE_PROPERTY} or the environment
 * variable {@value #IMAGE_ENV} names another, and so does the {@link DockerImageName} constructor.
 */
public class SalesforceHostedMcpContainer extends GenericContainer<SalesforceHostedMcpContainer>
        implements EmulatorEndpoints {

    /** The image used when none is named. */
    public static final String DEFAULT_IMAGE = "sfmcp/emulator:dev";
    /** System property naming the image to use instead of {@value #DEFAULT_IMAGE}. */
    public static final String IMAGE_PROPERTY = "sfmcp.emulator.image";
    /** Environment variable naming the image, read when the system property is not set. */
    public static final String IMAGE_ENV = "SFMCP_EMULATOR_IMAGE";
    /** The port the emulator listens on inside the container. */
    public static final int PORT = 8080;
    /** Where fixtures are copied to inside the container. */
    public static final String FIXTURES_PATH = "/fixtures";
    /** The path of the health endpoint the wait strategy polls. */
    public static final String HEALTH_PATH = "/_emulator/health";
    /** The demo org's External Client App consumer key, used by {@link #accessTokenFor(String)} by default. */
    public static final String DEMO_CLIENT_ID = "sfmcp-demo-client";
    /** A callback registered on the demo app; the flow only matches it, nothing listens there. */
    public static final String DEMO_REDIRECT_URI = "http://localhost:8765/callback";
    /** The demo org users' password. */
    public static final String DEMO_PASSWORD = "emulator";

    private static final DockerImageName COMPATIBLE_IMAGE = DockerImageName.parse("sfmcp/emulator");

    private String clientId = DEMO_CLIENT_ID;
    private String redirectUri = DEMO_REDIRECT_URI;
    private String password = DEMO_PASSWORD;
    private EmulatorAdminClient admin;

    /** A container of the default image ({@value #DEFAULT_IMAGE}, or the one the system property names). */
    public SalesforceHostedMcpContainer() {
        this(defaultImageName());
    }

    /**
     * A container of a named image.
     *
     * @param image e.g. {@code sfmcp/emulator:0.1.0} or a mirror's copy
     */
    public SalesforceHostedMcpContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /**
     * A container of an image; a mirror must be declared {@code asCompatibleSubstituteFor("sfmcp/emulator")}.
     *
     * @param image the image
     */
    public SalesforceHostedMcpContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(COMPATIBLE_IMAGE);
        withExposedPorts(PORT);
        withEnv("SFMCP_HOST", "0.0.0.0");
        withEnv("SFMCP_PORT", String.valueOf(PORT));
        waitingFor(Wait.forHttp(HEALTH_PATH).forPort(PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * The image a no-argument container uses: the system property {@value #IMAGE_PROPERTY}, else the environment
     * variable {@value #IMAGE_ENV}, else {@value #DEFAULT_IMAGE}.
     *
     * @return the image name, declared compatible with {@code sfmcp/emulator}
     */
    public static DockerImageName defaultImageName() {
        String named = System.getProperty(IMAGE_PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(IMAGE_ENV);
        }
        if (named == null || named.isBlank()) {
            named = DEFAULT_IMAGE;
        }
        return DockerImageName.parse(named).asCompatibleSubstituteFor(COMPATIBLE_IMAGE);
    }

    // ---- configuration -------------------------------------------------------------------------------------

    /**
     * Loads an org fixture from a file or directory on the host: it is copied to {@value #FIXTURES_PATH} and
     * selected with {@code SFMCP_FIXTURE}.
     *
     * @param fixture a fixture file or directory
     * @return this container
     */
    public SalesforceHostedMcpContainer withFixture(Path fixture) {
        Objects.requireNonNull(fixture, "fixture");
        if (!Files.exists(fixture)) {
            throw new IllegalArgumentException("fixture " + fixture.toAbsolutePath() + " does not exist");
        }
        String target = FIXTURES_PATH + "/" + fixture.getFileName();
        withCopyFileToContainer(MountableFile.forHostPath(fixture), target);
        return withEnv("SFMCP_FIXTURE", target);
    }

    /**
     * Loads an org fixture from a classpath resource (e.g. {@code fixtures/acme.yaml} under
     * {@code src/test/resources}): it is copied to {@value #FIXTURES_PATH} and selected with {@code SFMCP_FIXTURE}.
     *
     * @param resourceName the resource's name on the classpath
     * @return this container
     */
    public SalesforceHostedMcpContainer withFixtureFromClasspath(String resourceName) {
        Objects.requireNonNull(resourceName, "resourceName");
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        if (Thread.currentThread().getContextClassLoader().getResource(name) == null
                && SalesforceHostedMcpContainer.class.getClassLoader().getResource(name) == null) {
            throw new IllegalArgumentException("no classpath resource named '" + name + "'");
        }
        String target = FIXTURES_PATH + "/" + name.substring(name.lastIndexOf('/') + 1);
        withCopyFileToContainer(MountableFile.forClasspathResource(name), target);
        return withEnv("SFMCP_FIXTURE", target);
    }

    /**
     * Whether the built-in demo org (My Domain {@code acme}, its users and data) is loaded ({@code SFMCP_DEMO}).
     *
     * @param demoOrg true to load it
     * @return this container
     */
    public SalesforceHostedMcpContainer withDemoOrg(boolean demoOrg) {
        return withEnv("SFMCP_DEMO", String.valueOf(demoOrg));
    }

    /**
     * Whether the authorize endpoint logs the {@code login_hint} user in at once, without a login form
     * ({@code SFMCP_AUTO_LOGIN}). {@link #accessTokenFor(String)} works either way.
     *
     * @param autoLogin true to skip the login form
     * @return this container
     */
    public SalesforceHostedMcpContainer withAutoLogin(boolean autoLogin) {
        return withEnv("SFMCP_AUTO_LOGIN", String.valueOf(autoLogin));
    }

    /**
     * Which MCP servers are active ({@code SFMCP_ACTIVE_SERVERS}); any other known server answers as inactive.
     *
     * @param servers server names, e.g. {@code sobject-reads} or {@code platform/sobject-all} or {@code custom/MyServer}
     * @return this container
     */
    public SalesforceHostedMcpContainer withActiveServers(String... servers) {
        List<String> names = new ArrayList<>();
        for (String server : servers) {
            names.add(EmulatorEndpoints.serverPath(server));
        }
        return withEnv("SFMCP_ACTIVE_SERVERS", String.join(",", names));
    }

    /**
     * The orgs' daily API request allowance ({@code SFMCP_API_REQUEST_LIMIT}); past it tool calls fail with
     * {@code REQUEST_LIMIT_EXCEEDED}.
     *
     * @param limit requests per rolling 24 hours
     * @return this container
     */
    public SalesforceHostedMcpContainer withApiRequestLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the API request limit cannot be negative");
        }
        return withEnv("SFMCP_API_REQUEST_LIMIT", String.valueOf(limit));
    }

    /**
     * Turns on the real service's delays ({@code SFMCP_REALISTIC_DELAYS}): app propagation and server activation
     * take minutes on the emulator's clock, which {@link #advanceClock(Duration)} moves.
     *
     * @return this container
     */
    public SalesforceHostedMcpContainer withRealisticDelays() {
        return withEnv("SFMCP_REALISTIC_DELAYS", "true");
    }

    /**
     * Protocol-test mode ({@code SFMCP_NO_AUTH}): the MCP endpoint accepts requests without a token.
     *
     * @param noAuth true to accept requests without a token
     * @return this container
     */
    public SalesforceHostedMcpContainer withNoAuth(boolean noAuth) {
        return withEnv("SFMCP_NO_AUTH", String.valueOf(noAuth));
    }

    /**
     * Sets any emulator option by its command-line name; it becomes the {@code SFMCP_*} variable the emulator reads.
     *
     * @param option the option's name as {@code --help} lists it, e.g. {@code catalog} or {@code session-idle-timeout}
     * @param value  its value
     * @return this container
     */
    public SalesforceHostedMcpContainer withEmulatorOption(String option, String value) {
        String name = option.startsWith("--") ? option.substring(2) : option;
        return withEnv("SFMCP_" + name.toUpperCase(Locale.ROOT).replace('-', '_'), value);
    }

    /**
     * The External Client App and callback that {@link #accessTokenFor(String)} logs in with (the demo app's by
     * default).
     *
     * @param clientId    the app's consumer key
     * @param redirectUri a callback URL registered on the app
     * @return this container
     */
    public SalesforceHostedMcpContainer withOAuthClient(String clientId, String redirectUri) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        return this;
    }

    /**
     * The password {@link #accessTokenFor(String)} types into the login form (the demo users' by default).
     *
     * @param password the users' password
     * @return this container
     */
    public SalesforceHostedMcpContainer withLoginPassword(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    // ---- URLs ------------------------------------------------------------------------------------------------

    /** @return the emulator's base URL as seen from the test, e.g. {@code http://localhost:32768} */
    public String getBaseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }


    // ---- helpers ---------------------------------------------------------------------------------------------

    /** @return a client of the emulator's admin API ({@code /_emulator/...}) */
    public EmulatorAdminClient getAdminClient() {
        String baseUrl = getBaseUrl();
        EmulatorAdminClient current = admin;
        if (current == null || !current.baseUrl().equals(baseUrl)) {
            current = new EmulatorAdminClient(baseUrl);
            admin = current;
        }
        return current;
    }

    /**
     * Logs a user in through the real authorization-code + PKCE flow over HTTP (authorize with {@code login_hint},
     * the login form or auto-login, then the token endpoint) on the production login host, as the configured app.
     *
     * @param username e.g. {@code admin@acme.example}
     * @return a bearer token for the MCP endpoint
     * @throws EmulatorRequestException when the emulator refuses a step, with its answer
     */
    public String accessTokenFor(String username) {
        return tokensFor(username).accessToken();
    }

    /**
     * Like {@link #accessTokenFor(String)}, with the whole token response (refresh token, instance URL, ...).
     *
     * @param username e.g. {@code admin@acme.example}
     * @return the token endpoint's answer
     */
    public OAuthTokens tokensFor(String username) {
        return new AuthorizationCodeFlow(getLoginUrl(), clientId, redirectUri).login(username, password);
    }

    /** Resets the emulator: orgs back to their fixtures, tokens and sessions dropped, quotas refilled, clock to now. */
    public void reset() {
        getAdminClient().reset();
    }

    /**
     * Moves the emulator's clock forward, e.g. past a token's expiry.
     *
     * @param by how far
     * @return the clock after the move
     */
    public ClockState advanceClock(Duration by) {
        return getAdminClient().advanceClock(by);
    }

    /**
     * An org's daily API usage.
     *
     * @param org the org's My Domain name or Id, e.g. {@code acme}
     * @return its {@code DailyApiRequests} figures
     */
    public ApiUsage apiUsage(String org) {
        return getAdminClient().apiUsage(org);
    }

    /**
     * An org's {@code ApiTotalUsage} event log rows for the emulator's current day.
     *
     * @param org the org's My Domain name or Id, e.g. {@code acme}
     * @return one map per row, keyed by the CSV header
     */
    public List<Map<String, String>> eventLog(String org) {
        return getAdminClient().eventLog(org);
    }

}
