package dev.sfmcp.emulator;

/**
 * One setting of the emulator: its command-line name, the environment variable that sets it too, a default and the
 * line {@code --help} prints. Every option has an environment variable so that a container is configured without
 * arguments.
 */
public enum Option {
    PORT("port", "8080", "TCP port to listen on."),
    HOST("host", "127.0.0.1", "Interface to bind; 0.0.0.0 to listen on every interface (the Docker image does)."),
    PUBLIC_URL("public-url", "", "Base URL written into discovery documents and record URLs; by default it is built from each request's Host and X-Forwarded-* headers."),
    ACTIVE_SERVERS("active-servers", "",
            "Comma-separated MCP servers active in every org, overriding the fixtures; by default each org's fixture decides (the demo org: all four)."),
    NO_AUTH("no-auth", "false", "Protocol-test mode: the MCP endpoint accepts requests without a token (logged loudly). Never the default."),
    SESSION_IDLE_TIMEOUT("session-idle-timeout", "30m", "Idle time after which an MCP session expires and answers 404 (e.g. 30m, 90s, 2h)."),
    ALLOWED_ORIGINS("allowed-origins", "", "Comma-separated extra browser origins allowed on the MCP endpoint; loopback origins are always allowed."),
    TOOLS_PAGE_SIZE("tools-page-size", "100", "Tools per tools/list page; a smaller value makes clients follow nextCursor."),
    CATALOG("catalog", "ga", "Tool catalog variant: ga (11 tools), live-9 (sobject-all without the delete tools, as seen live), legacy (pre-GA names)."),
    COMPAT_TOOL_NAMES("compat-tool-names", "false", "Accept pre-GA tool names (getSchema, soql_query, ...) in tools/call as aliases of the GA tools."),
    INACTIVE_SERVER_STATUS("inactive-server-status", "404", "HTTP status answered for a known but inactive server."),
    SERVER_NAME("server-name", "sfmcp-emulator", "serverInfo.name returned by initialize."),
    INSTRUCTIONS("instructions", "", "Instructions text returned by initialize; empty uses the built-in text for the server."),
    JOURNAL_SIZE("journal-size", "1000", "Requests the request journal keeps (the oldest go first); 0 turns the journal off."),
    JOURNAL_MAX_TEXT("journal-max-text", "65536", "Characters of arguments, result or error kept per journal entry."),
    ADMIN_KEY("admin-key", "", "When set, /_emulator requests (except /_emulator/health) need 'Authorization: Bearer KEY' or 'X-Admin-Key: KEY'."),
    AUTO_LOGIN("auto-login", "false", "Headless OAuth: authorize answers at once with the code redirect for the login_hint user, without the login form (logged when on)."),
    PRM_MODE("prm-mode", "login", "Protected resource metadata shape: login (authorization server = the login host, as live since 2026-08-27) or self (the 2026-08-13 shape: the resource URL, with path-suffixed metadata)."),
    OIDC_ADVERTISES_PKCE("oidc-advertises-pkce", "true", "Add code_challenge_methods_supported [\"S256\"] to the login hosts' OpenID configuration; false reproduces the real document, which lacks it."),
    REALISTIC_DELAYS("realistic-delays", "false", "Realistic preset: MCP server activation takes 2 minutes and External Client App changes propagate in 10 minutes, on the emulator clock."),
    APP_PROPAGATION_DELAY("app-propagation-delay", "0s", "Delay before a created or changed External Client App takes effect (overridden by --realistic-delays)."),
    SERVER_ACTIVATION_DELAY("server-activation-delay", "0s", "Delay before an activated MCP server answers (overridden by --realistic-delays)."),
    SIGNING_KEY_BITS("signing-key-bits", "2048", "Size of the RSA keys generated for orgs that bring none (2048 as Salesforce's; 1024 signs about 4x faster for load tests)."),
    AUTHORIZATION_CODE_LIFETIME("authorization-code-lifetime", "15m", "How long an OAuth authorization code can be redeemed."),
    FIXTURE("fixture", "", "Org definition file (YAML or JSON) to load; repeat the option (or separate with commas) for several orgs."),
    DEMO("demo", "true", "Load the built-in demo org (My Domain acme) when no --fixture is given; --demo=false starts with no org."),
    GENERATE("generate", "", "Synthetic records to add to the first org at start, e.g. Account=1000,Contact=3000 (seeded, reproducible)."),
    NO_AUTH_USER("no-auth-user", "", "Username that tool calls run as in --no-auth mode; default: the first org's first active System Administrator."),
    API_REQUEST_LIMIT("api-request-limit", "", "DailyApiRequests limit for every loaded org, overriding the fixture and the edition formula."),
    TUNED_JVM("tuned-jvm", "true", "A plain 'java -jar' start (no JVM options given) re-executes itself in a JVM tuned for start-up: C1 only, serial GC, and a class-data-sharing archive beside the jar, written by the first start. false runs in the JVM as launched (best for long load tests).");

    private final String name;
    private final String defaultValue;
    private final String help;

    Option(String name, String defaultValue, String help) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    /** The command-line name without dashes, e.g. {@code port}. */
    public String cliName() {
        return name;
    }

    /** The environment variable, e.g. {@code SFMCP_PORT}. */
    public String envName() {
        return "SFMCP_" + name.toUpperCase().replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    /** Whether the option is a switch that may be given without a value ({@code --no-auth}). */
    public boolean isSwitch() {
        return "false".equals(defaultValue) || "true".equals(defaultValue);
    }

    /** Whether giving the option twice adds a value instead of replacing it. */
    public boolean isRepeatable() {
        return this == FIXTURE || this == GENERATE;
    }

    /** The option with this command-line name, or null. */
    public static Option byCliName(String cliName) {
        for (Option option : values()) {
            if (option.name.equals(cliName)) {
                return option;
            }
        }
        return null;
    }
}
