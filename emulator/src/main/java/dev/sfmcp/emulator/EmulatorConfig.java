package dev.sfmcp.emulator;

import dev.sfmcp.emulator.oauth.OAuthSettings;
import dev.sfmcp.emulator.oauth.PrmMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's settings, read from command-line arguments over environment variables over defaults. Invalid input
 * throws {@link IllegalArgumentException} with a one-line message for the user.
 */
public final class EmulatorConfig {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<Option, String> values;

    private EmulatorConfig(Map<Option, String> values) {
        this.values = values;
    }

    /** The defaults only. */
    public static EmulatorConfig defaults() {
        return from(new String[0], Map.of());
    }

    /** Arguments win over the environment, which wins over defaults. */
    public static EmulatorConfig from(String[] args, Map<String, String> env) {
        EmulatorConfig config = parse(args, env);
        config.validate();
        return config;
    }

    /**
     * The options as given, checked only for unknown options and missing values: what the launching JVM of a
     * {@link TunedLaunch} reads before it re-executes (the tuned JVM checks every value, and its exit status is the
     * launcher's). Everything else uses {@link #from}.
     */
    static EmulatorConfig parse(String[] args, Map<String, String> env) {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            values.put(option, option.defaultValue());
            String fromEnv = env.get(option.envName());
            if (fromEnv != null) {
                values.put(option, fromEnv.trim());
            }
        }
        java.util.Set<Option> given = java.util.EnumSet.noneOf(Option.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option option = Option.byCliName(name);
            if (option == null) {
                throw new IllegalArgumentException("unknown option '--" + name + "' (see --help)");
            }
            if (value == null) {
                if (option.isSwitch() && (i + 1 >= args.length || !isBoolean(args[i + 1]))) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option '--" + name + "' needs a value");
                }
            }
            if (option.isRepeatable() && given.contains(option) && !values.get(option).isEmpty()) {
                values.put(option, values.get(option) + "," + value.trim());
            } else {
                values.put(option, value.trim());
            }
            given.add(option);
        }
        return new EmulatorConfig(values);
    }

    /** A copy with one option changed, for in-process use and tests. */
    public EmulatorConfig with(Option option, String value) {
        Map<Option, String> copy = new EnumMap<>(values);
        copy.put(option, value);
        EmulatorConfig config = new EmulatorConfig(copy);
        config.validate();
        return config;
    }

    private void validate() {
        int port = port();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        sessionIdleTimeout();
        toolsPageSize();
        journalSize();
        journalMaxText();
        apiRequestLimit();
        bool(Option.DEMO);
        for (String spec : generate()) {
            if (!spec.matches("[A-Za-z_][A-Za-z0-9_]*=\\d+")) {
                throw new IllegalArgumentException("--generate takes Object=N, not '" + spec + "'");
            }
        }
        inactiveServerStatus();
        bool(Option.NO_AUTH);
        bool(Option.COMPAT_TOOL_NAMES);
        bool(Option.AUTO_LOGIN);
        bool(Option.OIDC_ADVERTISES_PKCE);
        bool(Option.REALISTIC_DELAYS);
        bool(Option.TUNED_JVM);
        prmMode();
        appPropagationDelay();
        serverActivationDelay();
        authorizationCodeLifetime();
        signingKeyBits();
        String url = get(Option.PUBLIC_URL);
        if (!url.isEmpty() && !url.matches("https?://[^/\\s]+(/.*)?")) {
            throw new IllegalArgumentException("--public-url must be an http(s) URL, not '" + url + "'");
        }
        String catalog = get(Option.CATALOG);
        if (!List.of("ga", "live-9", "legacy").contains(catalog)) {
            throw new IllegalArgumentException("--catalog must be ga, live-9 or legacy, not '" + catalog + "'");
        }
    }

    public String get(Option option) {
        return values.get(option);
    }

    public int port() {
        return integer(Option.PORT);
    }

    public String host() {
        return get(Option.HOST);
    }

    /** The configured public base URL without a trailing slash, or null to build it from each request. */
    public String publicUrl() {
        String url = get(Option.PUBLIC_URL);
        if (url.isEmpty()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The servers active everywhere: the override, or all four sObject servers when none is given. */
    public Set<String> activeServers() {
        Set<String> given = list(Option.ACTIVE_SERVERS);
        return given.isEmpty() ? new java.util.LinkedHashSet<>(dev.sfmcp.emulator.http.McpPathParser.sobjectServers()) : given;
    }

    /** The --active-servers override of every org's fixture, when given. */
    public java.util.Optional<Set<String>> activeServersOverride() {
        Set<String> given = list(Option.ACTIVE_SERVERS);
        return given.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(given);
    }

    public boolean noAuth() {
        return bool(Option.NO_AUTH);
    }

    public Duration sessionIdleTimeout() {
        return duration(Option.SESSION_IDLE_TIMEOUT);
    }

    public Set<String> allowedOrigins() {
        return list(Option.ALLOWED_ORIGINS);
    }

    public int toolsPageSize() {
        int size = integer(Option.TOOLS_PAGE_SIZE);
        if (size < 1) {
            throw new IllegalArgumentException("--tools-page-size must be at least 1");
        }
        return size;
    }

    public String catalogVariant() {
        return get(Option.CATALOG);
    }

    public boolean compatToolNames() {
        return bool(Option.COMPAT_TOOL_NAMES);
    }

    public int inactiveServerStatus() {
        int status = integer(Option.INACTIVE_SERVER_STATUS);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("--inactive-server-status must be a 4xx or 5xx status");
        }
        return status;
    }

    public String serverName() {
        return get(Option.SERVER_NAME);
    }

    /** Instructions for initialize, or null for the built-in text. */
    public String instructions() {
        String text = get(Option.INSTRUCTIONS);
        return text.isEmpty() ? null : text;
    }

    /** Requests the journal keeps; 0 means off. */
    public int journalSize() {
        int size = integer(Option.JOURNAL_SIZE);
        if (size < 0) {
            throw new IllegalArgumentException("--journal-size must be 0 or more");
        }
        return size;
    }

    public int journalMaxText() {
        int size = integer(Option.JOURNAL_MAX_TEXT);
        if (size < 16) {
            throw new IllegalArgumentException("--journal-max-text must be at least 16");
        }
        return size;
    }

    /** The admin key, or null when the admin API is open. */
    public String adminKey() {
        String key = get(Option.ADMIN_KEY);
        return key.isEmpty() ? null : key;
    }

    /** The fixture files to load, in order. */
    public java.util.List<java.nio.file.Path> fixtures() {
        return list(Option.FIXTURE).stream().map(java.nio.file.Path::of).toList();
    }

    public boolean demo() {
        return bool(Option.DEMO);
    }

    /** Whether a plain {@code java -jar} start re-executes in a start-up-tuned JVM (see {@link TunedLaunch}). */
    public boolean tunedJvm() {
        return bool(Option.TUNED_JVM);
    }

    /** The --generate specs, e.g. {@code Account=1000}. */
    public java.util.List<String> generate() {
        return java.util.List.copyOf(list(Option.GENERATE));
    }

    /** The --no-auth user, or null for the default. */
    public String noAuthUser() {
        String user = get(Option.NO_AUTH_USER);
        return user.isEmpty() ? null : user;
    }

    /** The DailyApiRequests override, or null to keep each org's. */
    public Long apiRequestLimit() {
        String raw = get(Option.API_REQUEST_LIMIT);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            long limit = Long.parseLong(raw);
            if (limit < 0) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--api-request-limit must be a whole number of 0 or more, not '" + raw + "'");
        }
    }

    public boolean autoLogin() {
        return bool(Option.AUTO_LOGIN);
    }

    public PrmMode prmMode() {
        String raw = get(Option.PRM_MODE);
        return switch (raw.toLowerCase()) {
            case "login" -> PrmMode.LOGIN;
            case "self" -> PrmMode.SELF;
            default -> throw new IllegalArgumentException("--prm-mode must be login or self, not '" + raw + "'");
        };
    }

    public boolean oidcAdvertisesPkce() {
        return bool(Option.OIDC_ADVERTISES_PKCE);
    }

    public boolean realisticDelays() {
        return bool(Option.REALISTIC_DELAYS);
    }

    /** The ECA propagation delay new orgs get: 10 minutes in the realistic preset. */
    public Duration appPropagationDelay() {
        Duration configured = duration(Option.APP_PROPAGATION_DELAY);
        return realisticDelays() ? Duration.ofMinutes(10) : configured;
    }

    /** The server activation delay new orgs get: 2 minutes in the realistic preset. */
    public Duration serverActivationDelay() {
        Duration configured = duration(Option.SERVER_ACTIVATION_DELAY);
        return realisticDelays() ? Duration.ofMinutes(2) : configured;
    }

    public Duration authorizationCodeLifetime() {
        Duration lifetime = duration(Option.AUTHORIZATION_CODE_LIFETIME);
        if (lifetime.isZero()) {
            throw new IllegalArgumentException("--authorization-code-lifetime must be longer than 0");
        }
        return lifetime;
    }

    public int signingKeyBits() {
        int bits = integer(Option.SIGNING_KEY_BITS);
        if (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("--signing-key-bits must be 1024, 2048, 3072 or 4096, not " + bits);
        }
        return bits;
    }

    /** The OAuth layer's settings. */
    public OAuthSettings oauthSettings() {
        return new OAuthSettings(autoLogin(), prmMode(), oidcAdvertisesPkce(), authorizationCodeLifetime(), publicUrl());
    }

    private int integer(Option option) {
        String raw = get(option);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option.cliName() + " must be a whole number, not '" + raw + "'");
        }
    }

    private boolean bool(Option option) {
        String raw = get(option);
        if (!isBoolean(raw)) {
            throw new IllegalArgumentException("--" + option.cliName() + " must be true or false, not '" + raw + "'");
        }
        return Boolean.parseBoolean(raw.toLowerCase());
    }

    private static boolean isBoolean(String raw) {
        return "true".equalsIgnoreCase(raw) || "false".equalsIgnoreCase(raw);
    }

    private Set<String> list(Option option) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(get(option).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private Duration duration(Option option) {
        String raw = get(option);
        Matcher m = DURATION.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + option.cliName() + " must be a duration like 30m, 90s or 2h, not '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** The text {@code --help} prints: every option with its variable and default. */
    public static String helpText() {
        StringBuilder out = new StringBuilder();
        out.append("sfmcp-emulator: a local emulator of Salesforce Hosted MCP Servers\n\n");
        out.append("usage: java -jar sfmcp-emulator.jar [options]\n\n");
        out.append("Every option can also be set through its environment variable.\n\n");
        for (Option option : Option.values()) {
            String flag = "--" + option.cliName() + (option.isSwitch() ? "" : " VALUE");
            out.append(String.format("  %-28s %s%n", flag, option.help()));
            out.append(String.format("  %-28s env %s, default: %s%n", "", option.envName(),
                    option.defaultValue().isEmpty() ? "(none)" : option.defaultValue()));
        }
        out.append(String.format("  %-28s %s%n", "--help", "Print this text and exit."));
        return out.toString();
    }
}
