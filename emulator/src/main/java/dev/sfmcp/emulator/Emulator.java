package dev.sfmcp.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfmcp.emulator.admin.AdminKey;
import dev.sfmcp.emulator.admin.AdminRequestException;
import dev.sfmcp.emulator.admin.CatalogRoutes;
import dev.sfmcp.emulator.admin.ClockRoutes;
import dev.sfmcp.emulator.admin.FaultRoutes;
import dev.sfmcp.emulator.admin.JournalRoutes;
import dev.sfmcp.emulator.admin.OrgDataRoutes;
import dev.sfmcp.emulator.console.ConsoleRoutes;
import dev.sfmcp.emulator.fault.ConnectionDrop;
import dev.sfmcp.emulator.fault.FaultInjector;
import dev.sfmcp.emulator.fault.FaultType;
import dev.sfmcp.emulator.journal.JournalRecorder;
import dev.sfmcp.emulator.journal.OAuthExchanges;
import dev.sfmcp.emulator.journal.RequestJournal;
import dev.sfmcp.emulator.admin.HealthRoutes;
import dev.sfmcp.emulator.admin.OpenApiRoutes;
import dev.sfmcp.emulator.http.AbortedConnection;
import dev.sfmcp.emulator.http.GatewayResponses;
import dev.sfmcp.emulator.http.McpGateway;
import dev.sfmcp.emulator.mcp.JsonRpcError;
import dev.sfmcp.emulator.mcp.McpDispatcher;
import dev.sfmcp.emulator.mcp.McpProtocolException;
import dev.sfmcp.emulator.mcp.McpSettings;
import dev.sfmcp.emulator.mcp.McpTransport;
import dev.sfmcp.emulator.mcp.OriginPolicy;
import dev.sfmcp.emulator.prompts.OrgPromptProvider;
import dev.sfmcp.emulator.mcp.ServerIdentity;
import dev.sfmcp.emulator.mcp.SessionRegistry;
import dev.sfmcp.emulator.mcp.TransportRejection;
import dev.sfmcp.emulator.oauth.GatewayAuthenticator;
import dev.sfmcp.emulator.oauth.NoAuthAuthenticator;
import dev.sfmcp.emulator.admin.OrgRoutes;
import dev.sfmcp.emulator.admin.UserRoutes;
import dev.sfmcp.emulator.admin.RecordRoutes;
import dev.sfmcp.emulator.admin.TokenRoutes;
import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.EmulatorClock;
import dev.sfmcp.emulator.org.OrgAssembly;
import dev.sfmcp.emulator.org.OrgFixtures;
import dev.sfmcp.emulator.org.SetupException;
import dev.sfmcp.emulator.org.OrgToolContexts;
import dev.sfmcp.fixtures.generate.Generator;
import dev.sfmcp.fixtures.org.LoadedOrg;
import dev.sfmcp.fixtures.org.OrgLoader;
import java.util.ArrayList;
import java.util.List;
import dev.sfmcp.emulator.org.McpServerStates;
import dev.sfmcp.emulator.tools.ToolCatalog;
import dev.sfmcp.emulator.tools.SobjectOperations;
import dev.sfmcp.emulator.tools.ToolOperations;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.io.IOException;
import dev.sfmcp.fixtures.definition.OrgSettings;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running emulator: the HTTP server and everything behind it. {@link Main} starts one from the command line;
 * tests and the JUnit extension start one in-process.
 */
public final class Emulator implements AutoCloseable {

    /** Created on first use: initialising the logging (a service-loader scan of the jar) must not delay the org load. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    }

    private final EmulatorConfig config;
    private final EmulatorClock clock;
    private final ObjectMapper json;
    private final SessionRegistry sessions;
    private final McpServerStates servers;
    private final ToolOperations operations = new ToolOperations();
    private final FaultInjector faults = new FaultInjector();
    private final RequestJournal journal;
    private final OrgRegistry orgs = new OrgRegistry();
    private final OrgToolContexts toolContexts;
    private final AuthorizationServer authorizationServer;
    private final ToolCatalog catalog;
    private final OrgFixtures orgFixtures;
    private volatile GatewayAuthenticator authenticator;
    /** The fixture or demo org load, running beside the HTTP server's start (see {@link #start()}). */
    private final OrgLoad orgLoad;
    private Javalin app;

    public Emulator(EmulatorConfig config) {
        this(config, new EmulatorClock());
    }

    public Emulator(EmulatorConfig config, EmulatorClock clock) {
        this.config = config;
        this.clock = clock;
        // first of all, so that the load overlaps this constructor too: it reads only config, clock and orgs (set above,
        // and before Thread.start, which publishes them to the loading thread)
        this.orgLoad = OrgLoad.begin(this::loadOrgs);
        this.json = new ObjectMapper();
        this.catalog = ToolCatalog.builtIn(json);
        this.sessions = new SessionRegistry(clock, config.sessionIdleTimeout());
        this.servers = new McpServerStates(clock, config.activeServers());
        this.toolContexts = new OrgToolContexts(orgs, clock, config.noAuthUser());
        this.journal = new RequestJournal(Math.max(1, config.journalSize()), config.journalMaxText());
        this.journal.setEnabled(config.journalSize() > 0);
        SobjectOperations.registerAll(operations);
        this.servers.setActivationDelay(config.serverActivationDelay());
        operations.resolver(toolContexts);
        this.authorizationServer = new AuthorizationServer(clock, orgs, config.oauthSettings());
        this.orgFixtures = new OrgFixtures(orgs, clock, config.signingKeyBits(), this::addOrg,
                org -> authorizationServer.tokens().revokeOrg(org.id()));
        this.authenticator = config.noAuth() ? new NoAuthAuthenticator() : authorizationServer.gatewayAuthenticator();
    }

    /** Loads the configured fixtures, or the demo org, and generates the requested records into the first org. */
    private void loadOrgs() {
        List<LoadedOrg> loaded = new ArrayList<>();
        if (!config.fixtures().isEmpty()) {
            loaded.addAll(OrgLoader.load(clock, config.fixtures()));
        } else if (config.demo()) {
            loaded.add(dev.sfmcp.fixtures.demo.DemoOrg.load(clock));
        }
        if (!config.generate().isEmpty()) {
            if (loaded.isEmpty()) {
                throw new IllegalArgumentException("--generate needs an org: give --fixture or keep the demo org");
            }
            new Generator(42).fill(loaded.get(0), Generator.parseCounts(config.generate()));
            loaded.get(0).snapshotAsLoaded();
        }
        for (LoadedOrg data : loaded) {
            register(OrgAssembly.of(data, clock, config.signingKeyBits()));
        }
    }

    /** Adds an org, giving it the configured propagation and activation delays. */
    public Org addOrg(Org org) {
        orgLoad.await(); // the configured orgs come first, as if they had been loaded synchronously
        return register(org);
    }

    private Org register(Org org) {
        org.apps().setPropagationDelay(config.appPropagationDelay());
        config.activeServersOverride().ifPresent(active -> {
            McpPathParser.sobjectServers().forEach(org.servers()::deactivate);
            active.forEach(org.servers()::activate);
        });
        if (config.apiRequestLimit() != null) {
            org.quota().setLimit(config.apiRequestLimit());
        }
        org.servers().setActivationDelay(config.serverActivationDelay());
        if (org.catalogVariant().isEmpty()) {
            org.setCatalogVariant(config.catalogVariant());
        } else if (!OrgSettings.CATALOG_VARIANTS.contains(org.catalogVariant().get())) {
            // the fixtures' list, not the catalog's: this runs on the org-load thread, before the catalog is read
            // (ToolCatalogVariantsTest keeps the two lists equal)
            throw new IllegalArgumentException("org " + org.myDomain() + " names the unknown tool catalog variant '"
                    + org.catalogVariant().get() + "' (known: " + OrgSettings.CATALOG_VARIANTS + ")");
        }
        return orgs.add(org);
    }

    /**
     * Starts listening; throws {@link PortInUseException} when the port is taken, and the org load's
     * {@link dev.sfmcp.fixtures.format.FixtureException} or {@link IllegalArgumentException} when it failed. Jetty starts
     * while the orgs load on their own thread (the two costs overlap on a multi-core machine); a request that arrives in
     * between waits for the load, so nothing ever answers from a half-loaded emulator, health included.
     */
    public Emulator start() {
        skipJettysMBeanServerProbe();
        String version = version();
        McpDispatcher dispatcher = new McpDispatcher(json, catalog, operations, new OrgPromptProvider(toolContexts, json),
                new ServerIdentity(config.serverName(), version, config.instructions()),
                new McpSettings(config.catalogVariant(), config.compatToolNames(), config.toolsPageSize()),
                principal -> toolContexts.orgOf(principal).flatMap(Org::catalogVariant));
        McpTransport transport = new McpTransport(json, sessions, dispatcher, faults, principal -> { },
                principal -> toolContexts.orgOf(principal).ifPresent(org -> org.quota().exhaust()));
        JournalRecorder recorder = new JournalRecorder(journal, clock);
        McpGateway gateway = new McpGateway(new OriginPolicy(config.allowedOrigins(), config.publicUrl()),
                () -> authenticator, this::serverStatesFor, transport, config.inactiveServerStatus(), config.publicUrl(), recorder);
        ClockRoutes clockRoutes = new ClockRoutes(clock, json);
        JournalRoutes journalRoutes = new JournalRoutes(journal, json);
        FaultRoutes faultRoutes = new FaultRoutes(faults, json);
        String adminKey = config.adminKey();

        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.http.prefer405over404 = false;
            cfg.routes.before(orgLoad::gate);
            HealthRoutes.register(cfg.routes, version);
            OpenApiRoutes.register(cfg.routes);
            if (adminKey != null) {
                cfg.routes.before("/_emulator/<path>", ctx -> AdminKey.require(ctx, adminKey));
            }
            clockRoutes.register(cfg.routes);
            journalRoutes.register(cfg.routes);
            new OrgDataRoutes(orgs, clock, json, () -> {
                journal.clear();
                faults.clear();
            }).register(cfg.routes);
            faultRoutes.register(cfg.routes);
            cfg.routes.after("/platform/mcp/<path>", ctx -> recorder.finish(ctx, System.nanoTime()));
            OAuthExchanges oauthJournal = new OAuthExchanges(recorder);
            for (String loginHost : new String[] {"/login/<path>", "/test/<path>", "/d/<path>", "/.well-known/<path>"}) {
                cfg.routes.before(loginHost, oauthJournal::begin);
                cfg.routes.after(loginHost, oauthJournal::finish);
            }
            new OrgRoutes(orgs, orgFixtures, clock, json).register(cfg.routes);
            new UserRoutes(orgs, authorizationServer, json).register(cfg.routes);
            new RecordRoutes(orgs, json).register(cfg.routes);
            new TokenRoutes(orgs, authorizationServer.tokens(), json).register(cfg.routes);
            new CatalogRoutes(orgs, catalog, json).register(cfg.routes);
            new ConsoleRoutes(orgs, authorizationServer, journal, clock, adminKey, config.publicUrl()).register(cfg.routes);
            authorizationServer.register(cfg.routes);
            for (HandlerType method : new HandlerType[] {HandlerType.POST, HandlerType.GET, HandlerType.DELETE,
                    HandlerType.PUT, HandlerType.PATCH}) {
                cfg.routes.addHttpHandler(method, "/platform/mcp/<path>", gateway::handle);
            }
            cfg.routes.exception(TransportRejection.class, (e, ctx) ->
                    ctx.status(e.status()).contentType("application/json").result(e.body()));
            cfg.routes.exception(McpProtocolException.class, (e, ctx) ->
                    ctx.status(400).contentType("application/json").result("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":"
                            + e.error().code() + ",\"message\":" + json.valueToTree(e.error().message()) + "},\"id\":null}"));
            cfg.routes.exception(ConnectionDrop.class, (e, ctx) -> AbortedConnection.abort(ctx));
            cfg.routes.exception(AdminRequestException.class, (e, ctx) ->
                    ctx.status(e.status()).json(AdminRequestException.body(e.status(), e.getMessage())));
            cfg.routes.exception(SetupException.class, (e, ctx) ->
                    ctx.status(e.status()).json(AdminRequestException.body(e.status(), e.getMessage())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                Log.LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                GatewayResponses.answer(ctx, 500, "An unexpected error occurred in the emulator: " + e.getClass().getSimpleName());
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.resultInputStream() == null) {
                    GatewayResponses.answer(ctx, 404, "Not Found: " + ctx.method() + " " + ctx.path());
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                app.stop();
                throw new PortInUseException(config.host(), config.port(), e);
            }
            throw e;
        }
        try {
            orgLoad.await();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        if (config.noAuth()) {
            Log.LOG.warn("--no-auth is on: the MCP endpoint accepts requests WITHOUT a token. Use it for protocol tests only.");
        }
        if (config.autoLogin()) {
            Log.LOG.warn("--auto-login is on: /services/oauth2/authorize logs in the login_hint user WITHOUT a password. "
                    + "Use it for headless clients and CI only.");
        }
        return this;
    }

    /**
     * Jetty's thread pool asks the platform MBean server whether compressed oops are on, only to size a queue's padding:
     * starting that server costs about 600 classes and, on a cold JVM, 0.3 to 1 s of the start. The property answers
     * what Jetty would compute with compressed oops (16 references per 64-byte cache line); a value already set wins.
     */
    private static void skipJettysMBeanServerProbe() {
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Port already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every HTTP route the server answers, as {@code "GET /_emulator/clock"} (before and after filters excluded):
     * what the OpenAPI document of the admin API is checked against.
     */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        for (io.javalin.router.ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.isHttpMethod()) {
                out.add(e.endpoint.method.name() + " " + e.endpoint.path);
            }
        }
        return out;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The loopback base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String localBaseUrl() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public EmulatorConfig config() {
        return config;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** The emulator-wide server states that apply in no-auth mode; with OAuth each org has its own. */
    public McpServerStates servers() {
        return servers;
    }

    /** The orgs this emulator hosts (waits for the configured ones to be loaded). */
    public OrgRegistry orgs() {
        orgLoad.await();
        return orgs;
    }

    public AuthorizationServer authorizationServer() {
        orgLoad.await();
        return authorizationServer;
    }

    /** Loading, exporting and deleting orgs while running (the admin API's and the console's org operations). */
    public OrgFixtures orgFixtures() {
        return orgFixtures;
    }

    private McpServerStates serverStatesFor(dev.sfmcp.emulator.oauth.Principal principal) {
        if (principal.orgId() == null) {
            return toolContexts.orgOf(principal).map(Org::servers).orElse(servers);
        }
        return orgs.byId(principal.orgId()).map(Org::servers).orElse(servers);
    }

    public ToolOperations operations() {
        return operations;
    }

    public RequestJournal journal() {
        return journal;
    }

    public FaultInjector faults() {
        return faults;
    }

    @Override
    public void close() {
        orgLoad.awaitQuietly();
        if (app != null) {
            app.stop();
        }
    }

    /** The emulator's version, from the build. */
    public static String version() {
        Properties props = new Properties();
        try (InputStream in = Emulator.class.getClassLoader().getResourceAsStream("sfmcp-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }

    /** The port could not be bound. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String host, int port, Throwable cause) {
            super("port " + port + " on " + host + " is already in use", cause, false, false);
        }
    }
}
