package dev.sfmcp.emulator.junit;

import dev.sfmcp.client.EmulatorAdminClient;
import dev.sfmcp.client.EmulatorRequestException;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the emulator in the test JVM on a free port, once per class or once per test method, resets it before each
 * test unless told not to, and injects {@link HostedMcpEmulatorRuntime}, {@link EmulatorAdminClient},
 * {@link Emulator}, {@link EmulatorBaseUrl @EmulatorBaseUrl String} and {@link AccessTokenFor @AccessTokenFor String}
 * parameters. Used through {@link HostedMcpEmulatorTest}, or registered programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static HostedMcpEmulatorExtension salesforce = HostedMcpEmulatorExtension.newInstance()
 *         .option("catalog", "live-9").resetOnEachTest(false).build();
 * }</pre>
 *
 * A static field gives one emulator per class (or per method with {@link Lifecycle#PER_METHOD}); an instance field
 * gives one per test. Two fields run two emulators side by side: reach each through {@link #getRuntime()}, since
 * both would offer the same parameter types.
 */
public final class HostedMcpEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final String RUNNING = "running";

    /** Null when declared through the annotation: the settings are read from the test class then. */
    private final Settings preset;
    private volatile Running programmatic;

    /** The form {@link HostedMcpEmulatorTest} registers: settings come from the annotation. */
    public HostedMcpEmulatorExtension() {
        this.preset = null;
    }

    private HostedMcpEmulatorExtension(Settings preset) {
        this.preset = preset;
    }

    /** @return a builder for the {@code @RegisterExtension} form */
    public static Builder newInstance() {
        return new Builder();
    }

    /**
     * The emulator of a programmatically registered extension, for use in {@code @BeforeAll} methods and fields.
     *
     * @return the running emulator's runtime
     * @throws IllegalStateException before the extension started it
     */
    public HostedMcpEmulatorRuntime getRuntime() {
        Running running = programmatic;
        if (running == null) {
            throw new IllegalStateException("the emulator is not running yet: it starts before the first test "
                    + "(before all tests when the extension field is static)");
        }
        return running.runtime;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings settings = settings(context);
        if (settings.lifecycle == Lifecycle.PER_CLASS) {
            start(context, settings);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings settings = settings(context);
        Running classLevel = context.getParent().map(parent -> parent.getStore(namespace()).get(RUNNING, Running.class))
                .orElse(null);
        if (settings.lifecycle == Lifecycle.PER_METHOD || classLevel == null) {
            // Per method by choice, or because JUnit called no beforeAll: an instance (non-static) @RegisterExtension
            // field is a new extension for every test, so it gets a new emulator for every test, as WireMock does.
            start(context, settings);
        } else if (settings.resetOnEachTest) {
            classLevel.runtime.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    /** Each registration has its own emulator: two {@code @RegisterExtension} fields run two side by side. */
    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(HostedMcpEmulatorExtension.class, this);
    }

    private void start(ExtensionContext context, Settings settings) {
        Emulator emulator = new Emulator(settings.config()).start();
        Running running = new Running(new HostedMcpEmulatorRuntime(emulator, settings.oauthClient));
        context.getStore(namespace()).put(RUNNING, running);
        programmatic = running;
    }

    private void stop(ExtensionContext context) {
        // remove() takes the value of this context's own level only, never a parent's: afterEach leaves the
        // class's emulator alone.
        Running running = context.getStore(namespace()).remove(RUNNING, Running.class);
        if (running != null) {
            running.close();
        }
    }

    // ---- parameters ----------------------------------------------------------------------------------------

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Class<?> type = parameter.getType();
        if (type == HostedMcpEmulatorRuntime.class || type == EmulatorAdminClient.class || type == Emulator.class) {
            return true;
        }
        return type == String.class
                && (parameterContext.isAnnotated(EmulatorBaseUrl.class) || parameterContext.isAnnotated(AccessTokenFor.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running running = extensionContext.getStore(namespace()).get(RUNNING, Running.class);
        if (running == null) {
            throw new ParameterResolutionException("no emulator is running for " + parameterContext.getParameter()
                    + ": with Lifecycle.PER_METHOD inject into test methods, not constructors or @BeforeAll methods");
        }
        HostedMcpEmulatorRuntime runtime = running.runtime;
        Class<?> type = parameterContext.getParameter().getType();
        if (type == HostedMcpEmulatorRuntime.class) {
            return runtime;
        }
        if (type == EmulatorAdminClient.class) {
            return runtime.getAdminClient();
        }
        if (type == Emulator.class) {
            return runtime.getEmulator();
        }
        if (parameterContext.isAnnotated(EmulatorBaseUrl.class)) {
            return runtime.getBaseUrl();
        }
        String username = parameterContext.findAnnotation(AccessTokenFor.class).orElseThrow().value();
        try {
            return runtime.accessTokenFor(username);
        } catch (EmulatorRequestException e) {
            throw new ParameterResolutionException("could not log '" + username + "' in for " + parameterContext.getParameter()
                    + ": " + e.getMessage(), e);
        }
    }

    // ---- settings ------------------------------------------------------------------------------------------

    private Settings settings(ExtensionContext context) {
        if (preset != null) {
            return preset;
        }
        Class<?> testClass = context.getRequiredTestClass();
        HostedMcpEmulatorTest annotation = AnnotationSupport.findAnnotation(testClass, HostedMcpEmulatorTest.class)
                .or(() -> context.getParent().flatMap(ExtensionContext::getTestClass)
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, HostedMcpEmulatorTest.class)))
                .orElseThrow(() -> new ExtensionConfigurationException(HostedMcpEmulatorExtension.class.getSimpleName()
                        + " registered with @ExtendWith needs @HostedMcpEmulatorTest on " + testClass.getName()
                        + ", or register it with @RegisterExtension and HostedMcpEmulatorExtension.newInstance()"));
        Builder builder = newInstance().lifecycle(annotation.lifecycle()).resetOnEachTest(annotation.resetOnEachTest())
                .noAuth(annotation.noAuth());
        if (annotation.activeServers().length > 0) {
            builder.activeServers(annotation.activeServers());
        }
        for (String option : annotation.options()) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@HostedMcpEmulatorTest option '" + option
                        + "' must be written name=value, e.g. catalog=live-9");
            }
            builder.option(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        return builder.settings();
    }

    /** What the extension was told: lifecycle, reset policy, emulator options and the OAuth client of the helpers. */
    private static final class Settings {
        final Lifecycle lifecycle;
        final boolean resetOnEachTest;
        final Map<Option, String> options;
        final HostedMcpEmulatorRuntime.OAuthClient oauthClient;

        Settings(Lifecycle lifecycle, boolean resetOnEachTest, Map<Option, String> options,
                HostedMcpEmulatorRuntime.OAuthClient oauthClient) {
            this.lifecycle = lifecycle;
            this.resetOnEachTest = resetOnEachTest;
            this.options = options;
            this.oauthClient = oauthClient;
        }

        EmulatorConfig config() {
            // Defaults, not the environment: a developer's SFMCP_* variables must not change what a test sees.
            EmulatorConfig config = EmulatorConfig.defaults().with(Option.HOST, "127.0.0.1").with(Option.PORT, "0");
            try {
                for (Map.Entry<Option, String> option : options.entrySet()) {
                    config = config.with(option.getKey(), option.getValue());
                }
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("invalid emulator option: " + e.getMessage(), e);
            }
            return config;
        }
    }

    /** A started emulator, closed by the extension or, failing that, by the store that holds it. */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final HostedMcpEmulatorRuntime runtime;
        private boolean closed;

        Running(HostedMcpEmulatorRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                runtime.getEmulator().close();
            }
        }
    }

    /** Builds the {@code @RegisterExtension} form of the extension. */
    public static final class Builder {
        private Lifecycle lifecycle = Lifecycle.PER_CLASS;
        private boolean resetOnEachTest = true;
        private final Map<Option, String> options = new LinkedHashMap<>();
        private HostedMcpEmulatorRuntime.OAuthClient oauthClient = HostedMcpEmulatorRuntime.OAuthClient.DEMO;

        private Builder() {
        }

        /**
         * One emulator per class (default) or per test method.
         *
         * @param lifecycle the lifecycle
         * @return this builder
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Whether the emulator is reset before each test (default true).
         *
         * @param reset false to keep state from one test to the next
         * @return this builder
         */
        public Builder resetOnEachTest(boolean reset) {
            this.resetOnEachTest = reset;
            return this;
        }

        /**
         * Protocol-test mode: the MCP endpoint accepts requests without a token.
         *
         * @param noAuth true to accept requests without a token
         * @return this builder
         */
        public Builder noAuth(boolean noAuth) {
            return option(Option.NO_AUTH, String.valueOf(noAuth));
        }

        /**
         * The active MCP servers.
         *
         * @param servers e.g. {@code sobject-reads} or {@code platform/sobject-all}
         * @return this builder
         */
        public Builder activeServers(String... servers) {
            List<String> paths = new ArrayList<>();
            for (String server : servers) {
                paths.add(dev.sfmcp.client.EmulatorEndpoints.serverPath(server));
            }
            return option(Option.ACTIVE_SERVERS, String.join(",", paths));
        }

        /**
         * Any emulator option by its command-line name.
         *
         * @param name  the name {@code --help} lists, e.g. {@code catalog}
         * @param value its value
         * @return this builder
         * @throws ExtensionConfigurationException when the emulator has no such option
         */
        public Builder option(String name, String value) {
            String bare = name.startsWith("--") ? name.substring(2) : name;
            Option option = Option.byCliName(bare);
            if (option == null) {
                throw new ExtensionConfigurationException("the emulator has no option '" + bare
                        + "' (java -jar sfmcp-emulator.jar --help lists them)");
            }
            return option(option, value);
        }

        /**
         * Any emulator option.
         *
         * @param option the option
         * @param value  its value
         * @return this builder
         */
        public Builder option(Option option, String value) {
            options.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The External Client App, callback and password the token helpers log in with (the demo org's by default).
         *
         * @param clientId    the app's consumer key
         * @param redirectUri a callback registered on the app
         * @param password    the users' password
         * @return this builder
         */
        public Builder oauthClient(String clientId, String redirectUri, String password) {
            this.oauthClient = new HostedMcpEmulatorRuntime.OAuthClient(clientId, redirectUri, password);
            return this;
        }

        /** @return the extension, to assign to a {@code @RegisterExtension} field */
        public HostedMcpEmulatorExtension build() {
            Settings settings = settings();
            settings.config(); // fail at class load on an invalid option value rather than in the first test
            return new HostedMcpEmulatorExtension(settings);
        }

        Settings settings() {
            return new Settings(lifecycle, resetOnEachTest, Map.copyOf(options), oauthClient);
        }
    }
}
