package dev.sfmcp.emulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every console page rendered by a real emulator over real HTTP, and every console form's effect on the org. */
class ConsolePagesHttpTest {

    static final String ORG = "/_console/orgs/acme/";
    static Emulator emulator;
    ConsoleClient console;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void browser() {
        console = new ConsoleClient(emulator.localBaseUrl());
    }

    static McpSyncClient mcp(String token) {
        return AgentConnection.sobjectAll(emulator.localBaseUrl(), token);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Section.class)
    void everyPageRendersInTheFrameWithEveryNavigationLink(Section section) {
        Response page = console.get(ORG + section.segment);
        assertEquals(200, page.statusCode(), page.asString());
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self';"), "only the console's own scripts run");
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        String html = page.asString();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<span class=\"org-name\" id=\"org-name\">Acme Corporation</span>"), "org name in the header");
        for (Section s : Section.values()) {
            assertTrue(html.contains("href=\"" + ORG + s.segment + "\""), "the nav bar reaches " + s);
        }
        assertTrue(html.contains("class=\"active\" aria-current=\"page\" id=\"nav-" + section.segment + "\""), "the current page is marked");
        assertTrue(html.contains("<h1>" + section.label + "</h1>"), html);
        assertFalse(html.contains("/_console/lock"), "no Lock button without an admin key");
    }

    @Test
    void theConsoleRootAndTheOrgPickerLeadToAnOrgsPage() {
        assertEquals(ORG + "servers", console.get("/_console").header("Location"));
        assertEquals("/_console", console.get("/console").header("Location"));
        assertEquals(ORG + "users", console.get("/_console/switch?org=acme&page=users").header("Location"));
        assertEquals(ORG + "servers", console.get("/_console/switch?org=acme&page=../../x").header("Location"));
        Response unknown = console.get("/_console/orgs/nowhere/servers");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.asString().contains("No org &#39;nowhere&#39; is loaded"), unknown.asString());
    }

    @Test
    void deactivatingAndActivatingAServerShowsThePendingStateWithTimeLeft() {
        var servers = emulator.orgs().byKey("acme").orElseThrow().servers();
        emulator.clock().freeze();
        try {
            Response off = console.post(ORG + "servers", ORG + "servers/deactivate", Map.of("server", "platform/sobject-deletes"));
            assertEquals(303, off.statusCode());
            assertTrue(console.get(off.header("Location")).asString().contains("platform/sobject-deletes is inactive."));
            assertEquals("INACTIVE", servers.state("platform/sobject-deletes").name());
            servers.setActivationDelay(Duration.ofMinutes(2));
            console.post(ORG + "servers", ORG + "servers/activate", Map.of("server", "platform/sobject-deletes"));
            String html = console.get(ORG + "servers").asString();
            assertTrue(html.contains("Pending activation: active in 2 min<"), html);
            emulator.clock().advance(Duration.ofMinutes(2));
            assertEquals("ACTIVE", servers.state("platform/sobject-deletes").name());
        } finally {
            emulator.clock().unfreeze();
            servers.setActivationDelay(Duration.ZERO);
            servers.activate("platform/sobject-deletes");
        }
        assertEquals(400, console.post(ORG + "servers", ORG + "servers/activate", Map.of("server", "platform/nope")).statusCode());
    }

    @Test
    void theDelayFormsAndTheClockButtonsTurnAPendingServerActive() {
        var org = emulator.orgs().byKey("acme").orElseThrow();
        emulator.clock().freeze();
        try {
            assertEquals(303, console.post(ORG + "servers", ORG + "servers/delay", Map.of("seconds", "120")).statusCode());
            assertEquals(Duration.ofMinutes(2), org.servers().activationDelay());
            assertEquals(400, console.post(ORG + "servers", ORG + "servers/delay", Map.of("seconds", "-1")).statusCode());
            assertEquals(303, console.post(ORG + "apps", ORG + "apps/delay", Map.of("seconds", "600")).statusCode());
            assertEquals(Duration.ofMinutes(10), org.apps().propagationDelay());
            org.servers().deactivate("platform/sobject-mutations");
            console.post(ORG + "servers", ORG + "servers/activate", Map.of("server", "platform/sobject-mutations"));
            Response advanced = console.post(ORG + "servers", ORG + "clock/advance", Map.of("seconds", "600", "back", "servers"));
            assertEquals(ORG + "servers?notice=The%20clock%20moved%20forward%2010%20min.", advanced.header("Location"));
            assertEquals("ACTIVE", org.servers().state("platform/sobject-mutations").name());
            assertEquals(400, console.post(ORG + "servers", ORG + "clock/advance", Map.of("seconds", "0", "back", "servers")).statusCode());
        } finally {
            emulator.clock().unfreeze();
            org.servers().setActivationDelay(Duration.ZERO);
            org.apps().setPropagationDelay(Duration.ZERO);
            org.servers().activate("platform/sobject-mutations");
        }
    }

    @Test
    void usageSetToTheLimitOnTheApiUsagePageMakesTheNextToolCallExceedIt() {
        var quota = emulator.orgs().byKey("acme").orElseThrow().quota();
        long limit = quota.limit();
        try {
            Response set = console.post(ORG + "api-usage", ORG + "api-usage", Map.of("max", "50", "used", "50"));
            assertEquals(303, set.statusCode());
            assertTrue(console.get(set.header("Location")).asString().contains("id=\"tile-remaining\"><div class=\"figure\">0<"));
            McpSyncClient client = mcp(new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep@acme.example"));
            client.initialize();
            McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of()));
            assertTrue(refused.isError());
            assertTrue(((McpSchema.TextContent) refused.content().get(0)).text().contains("REQUEST_LIMIT_EXCEEDED"));
            client.closeGracefully();
            assertEquals(400, console.post(ORG + "api-usage", ORG + "api-usage", Map.of("max", "lots", "used", "0")).statusCode());
        } finally {
            quota.setLimit(limit);
            quota.setUsed(0);
        }
    }

    @Test
    void anOrgBuiltWithoutAFixtureHasItsSetupPagesAndExplainsWhyItHasNoDataOrUsers() {
        dev.sfmcp.emulator.org.Org bare = emulator.addOrg(dev.sfmcp.emulator.org.Org.builder("00DKd000009ZETA", "Zeta Code Org", "zeta")
                .activeServers(java.util.List.of("platform/sobject-reads")).build(emulator.clock()));
        try {
            String servers = console.get("/_console/orgs/zeta/servers").asString();
            assertTrue(servers.contains("<span class=\"org-name\" id=\"org-name\">Zeta Code Org</span>"), servers);
            assertTrue(servers.contains("<option value=\"acme\">Acme Corporation (acme)</option>"), "the picker lists every org");
            assertEquals(200, console.get("/_console/orgs/zeta/apps").statusCode());
            assertEquals(200, console.get("/_console/orgs/zeta/api-usage").statusCode());
            assertEquals(200, console.get("/_console/orgs/zeta/journal").statusCode());
            for (String page : new String[] {"data", "users"}) {
                Response refused = console.get("/_console/orgs/zeta/" + page);
                assertEquals(409, refused.statusCode(), page);
                assertTrue(refused.asString().contains("without a fixture"), refused.asString());
            }
        } finally {
            emulator.orgs().remove(bare);
        }
    }

    @Test
    void aPostWithoutTheBrowsersCsrfTokenIsRefused() {
        console.get(ORG + "servers");
        Response noToken = console.http().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("server", "platform/sobject-reads")).post(ORG + "servers/deactivate");
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.asString().contains("out of date or was sent from another site"));
        Response forged = console.http().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("server", "platform/sobject-reads", "_csrf", "A".repeat(43))).post(ORG + "servers/deactivate");
        assertEquals(403, forged.statusCode());
        assertEquals("ACTIVE", emulator.orgs().byKey("acme").orElseThrow().servers().state("platform/sobject-reads").name());
    }

    @Test
    void anAppCreatedOnTheFormShowsItsSnippetsWithTheOrgsUrlsAndCanBeEditedAndDeleted() {
        Response created = console.post(ORG + "apps/new", ORG + "apps", appForm("console-test-app", "Console Test App",
                "https://claude.ai/api/mcp/auth_callback"));
        assertEquals(303, created.statusCode(), created.asString());
        String detail = console.get(created.header("Location")).asString();
        String base = emulator.localBaseUrl();
        assertTrue(detail.contains("Created Console Test App."), detail);
        assertTrue(detail.contains("Remote MCP server URL: " + base + "/platform/mcp/v1/platform/sobject-all"), detail);
        assertTrue(detail.contains("&quot;CLIENT_ID&quot; : &quot;console-test-app&quot;"), detail);
        assertTrue(detail.contains("Auth URL: " + base + "/d/acme/services/oauth2/authorize"), detail);
        assertTrue(detail.contains("lack cursor://anysphere.cursor-mcp/oauth/callback"), "warns of a missing callback");
        assertTrue(detail.contains("<code id=\"consumer-key\">console-test-app</code>"));
        assertTrue(emulator.orgs().byKey("acme").orElseThrow().apps().effective("console-test-app").isPresent());
        assertEquals(200, initialize(new OAuthTestClient(emulator).accessToken("/d/acme", "sfmcp-demo-client", "rep@acme.example")),
                "a token from the My Domain login host the Postman snippet names works at the gateway");

        Map<String, String> edit = appForm(null, "Console Test App", "https://claude.ai/api/mcp/auth_callback");
        edit.remove("isPkceRequired");
        Response saved = console.post(ORG + "apps/console-test-app", ORG + "apps/console-test-app", edit);
        assertEquals(303, saved.statusCode(), saved.asString());
        assertFalse(emulator.orgs().byKey("acme").orElseThrow().apps().effective("console-test-app").orElseThrow().isPkceRequired());

        Map<String, String> bad = appForm(null, "Console Test App", "not a url");
        Response refused = console.post(ORG + "apps/console-test-app", ORG + "apps/console-test-app", bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("callback URL &#39;not a url&#39; is not an absolute URI"), refused.asString());

        assertEquals(303, console.post(ORG + "apps/console-test-app", ORG + "apps/console-test-app/delete", Map.of()).statusCode());
        assertTrue(emulator.orgs().byKey("acme").orElseThrow().apps().latest("console-test-app").isEmpty());
        assertEquals(404, console.get(ORG + "apps/console-test-app").statusCode());
    }

    @Test
    void userDataIsEscapedEverywhereItIsShown() {
        String label = "<script>alert('x')</script> & \"friends\"";
        Response created = console.post(ORG + "apps/new", ORG + "apps", appForm("escape-test", label, "http://localhost:8765/callback"));
        assertEquals(303, created.statusCode(), created.asString());
        try {
            for (String page : new String[] {created.header("Location"), ORG + "apps"}) {
                String html = console.get(page).asString();
                assertFalse(html.contains("<script>alert"), page);
                assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"), page);
            }
        } finally {
            emulator.orgs().byKey("acme").orElseThrow().apps().remove("escape-test");
        }
    }

    @Test
    void oauthUsageListsAUsersAuthorizationAndRevokingItLocksTheClientOut() {
        String token = new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep2@acme.example");
        McpSyncClient client = mcp(token);
        client.initialize();
        String html = console.get(ORG + "oauth-usage").asString();
        Matcher access = Pattern.compile("<tr data-user=\"rep2@acme.example\" data-token=\"(at-[^\"]+)\">").matcher(html);
        assertTrue(access.find(), "rep2's access token is listed: " + html);
        assertTrue(html.contains("<tr data-user=\"rep2@acme.example\" data-token=\"rt-"), "and the refresh token");
        Response revoked = console.post(ORG + "oauth-usage", ORG + "oauth-usage/revoke", Map.of("token", access.group(1)));
        assertEquals(303, revoked.statusCode());
        assertTrue(console.get(revoked.header("Location")).asString().contains("Revoked the token."));
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> client.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of())));
        assertTrue(refused instanceof io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException,
                "the SDK reports the gateway's 401: " + refused);
        assertEquals(401, initialize(token));
        assertFalse(console.get(ORG + "oauth-usage").asString().contains("data-token=\"" + access.group(1) + "\""));
        assertEquals(404, console.post(ORG + "oauth-usage", ORG + "oauth-usage/revoke", Map.of("token", access.group(1))).statusCode(),
                "a revoked token cannot be revoked again");
    }

    @Test
    void revokingAllOfAnAppOrAUserEndsEveryAuthorizationOfIt() {
        OAuthTestClient oauth = new OAuthTestClient(emulator);
        oauth.accessToken("/login", "sfmcp-demo-client", "manager@acme.example");
        oauth.accessToken("/login", "sfmcp-demo-client", "readonly@acme.example");
        Response app = console.post(ORG + "oauth-usage", ORG + "oauth-usage/revoke-app", Map.of("app", "sfmcp-demo-client"));
        assertTrue(console.get(app.header("Location")).asString().contains("No live tokens."));
        oauth.accessToken("/login", "sfmcp-demo-client", "manager@acme.example");
        Response user = console.post(ORG + "oauth-usage", ORG + "oauth-usage/revoke-user", Map.of("user", "manager@acme.example"));
        assertTrue(console.get(user.header("Location")).asString().contains("Revoked 1 authorization of manager@acme.example."));
    }

    @Test
    void logInAsShowsATokenThatRunsToolsAsThatUserAndIsRevocable() {
        String users = console.get(ORG + "users").asString();
        assertTrue(users.contains("data-log-in-as=\"rep@acme.example\""), users);
        Response page = console.post(ORG + "users", ORG + "users/log-in-as",
                Map.of("username", "rep@acme.example", "clientId", "sfmcp-demo-client"));
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals("no-store", page.header("Cache-Control"));
        Matcher token = Pattern.compile("<code id=\"access-token\">([^<]+)</code>").matcher(page.asString());
        assertTrue(token.find(), page.asString());
        assertTrue(page.asString().contains("/platform/mcp/v1/platform/sobject-all</code>"), page.asString());
        try (McpSyncClient agent = mcp(token.group(1))) {
            agent.initialize();
            McpSchema.CallToolResult me = agent.callTool(new McpSchema.CallToolRequest("getUserInfo", Map.of()));
            assertTrue(((McpSchema.TextContent) me.content().get(0)).text().contains("rep@acme.example"), me.toString());
        }
        String usage = console.get(ORG + "oauth-usage").asString();
        assertTrue(usage.contains("rep@acme.example"), "the issued token is listed under OAuth Usage: " + usage);

        console.post(ORG + "users", ORG + "users/active", Map.of("username", "readonly@acme.example", "active", "false"));
        try {
            Response refused = console.post(ORG + "users", ORG + "users/log-in-as",
                    Map.of("username", "readonly@acme.example", "clientId", "sfmcp-demo-client"));
            assertEquals(400, refused.statusCode());
            assertTrue(refused.asString().contains("inactive_user"), refused.asString());
        } finally {
            console.post(ORG + "users", ORG + "users/active", Map.of("username", "readonly@acme.example", "active", "true"));
        }
    }

    @Test
    void viewingAsARepShowsFewerAccountsThanTheAdminAndExplainsWhy() {
        String asAdmin = console.get(ORG + "data").asString();
        assertTrue(asAdmin.contains("<form method=\"post\" action=\"" + ORG + "users/view-as\" id=\"view-as-form\">"), asAdmin);
        int adminAccounts = accountCount(asAdmin);
        Response chosen = console.post(ORG + "users", ORG + "users/view-as", Map.of("username", "rep@acme.example"));
        assertEquals(303, chosen.statusCode());
        String data = console.get(chosen.header("Location")).asString();
        assertTrue(data.contains("Viewing as <strong>rep@acme.example</strong>"), data);
        int repAccounts = accountCount(data);
        assertTrue(repAccounts > 0 && repAccounts < adminAccounts, repAccounts + " of " + adminAccounts);

        String records = console.get(ORG + "data/Account").asString();
        Matcher first = Pattern.compile("<tr data-id=\"(001[A-Za-z0-9]{15})\">").matcher(records);
        assertTrue(first.find(), records);
        String record = console.get(ORG + "data/Account/" + first.group(1)).asString();
        assertTrue(record.contains("Why can rep@acme.example see this record?"), record);
        assertTrue(record.contains("id=\"max-access\""), "the rep reaches a record listed for the rep");
        assertTrue(record.contains("<tr data-user=\"admin@acme.example\">"), "the admin is among who can see it");

        String asReadonly = console.get(ORG + "data/Account/" + first.group(1) + "?why=readonly@acme.example").asString();
        assertTrue(asReadonly.contains("Why can readonly@acme.example see this record?"));
        assertEquals(404, console.get(ORG + "data/NoSuchThing__c").statusCode());
    }

    private static int accountCount(String dataPage) {
        Matcher m = Pattern.compile("<tr data-sobject=\"Account\">.*?<td>(\\d+)</td></tr>").matcher(dataPage);
        assertTrue(m.find(), dataPage);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aUserCreatedOnTheUsersPageGetsARoleAndAPermissionSetAndCanLogIn() {
        Response created = console.post(ORG + "users", ORG + "users", Map.of("username", "trainee@acme.example", "lastName", "Trainee",
                "profile", "Standard User", "role", "Sales Rep"));
        assertEquals(303, created.statusCode(), created.asString());
        String users = console.get(created.header("Location")).asString();
        assertTrue(users.contains("Created trainee@acme.example."), users);
        assertTrue(users.contains("<tr data-user=\"trainee@acme.example\">"));
        console.post(ORG + "users", ORG + "users/permission-sets/add", Map.of("username", "trainee@acme.example",
                "permissionSet", "Project_Administrator"));
        console.post(ORG + "users", ORG + "users/role", Map.of("username", "trainee@acme.example", "role", "Sales Manager"));
        var user = emulator.orgs().byKey("acme").orElseThrow().user("trainee@acme.example").orElseThrow();
        assertEquals(java.util.Set.of("Project_Administrator"), user.permissionSetNames());
        assertTrue(new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "trainee@acme.example").length() > 20,
                "the new user logs in with the demo password");
        Response removed = console.post(ORG + "users", ORG + "users/permission-sets/remove", Map.of("username", "trainee@acme.example",
                "permissionSet", "Project_Administrator"));
        assertTrue(console.get(removed.header("Location")).asString().contains("no longer has the permission set Project_Administrator"));

        Response duplicate = console.post(ORG + "users", ORG + "users", Map.of("username", "trainee@acme.example", "lastName", "Again",
                "profile", "Standard User"));
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.asString().contains("Duplicate Username"), duplicate.asString());
        assertEquals(400, console.post(ORG + "users", ORG + "users", Map.of("username", "not-an-email", "lastName", "X",
                "profile", "Standard User")).statusCode());
    }

    @Test
    void deactivatingAUserOnTheUsersPageRefusesTheirTokenUntilReactivated() {
        String token = new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep@acme.example");
        Response off = console.post(ORG + "users", ORG + "users/active", Map.of("username", "rep@acme.example", "active", "false"));
        try {
            assertTrue(console.get(off.header("Location")).asString().contains("rep@acme.example is inactive."));
            assertEquals(401, initialize(token));
        } finally {
            console.post(ORG + "users", ORG + "users/active", Map.of("username", "rep@acme.example", "active", "true"));
        }
        assertEquals(200, initialize(token));
    }

    private static int initialize(String token) {
        return io.restassured.RestAssured.given().baseUri(emulator.localBaseUrl()).contentType("application/json")
                .accept("application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post("/platform/mcp/v1/platform/sobject-all").statusCode();
    }

    @Test
    void aToolCallShowsInTheJournalFeedTheApiUsageChartAndTheEventLogFile() {
        String before = console.get(ORG + "journal").asString();
        Matcher last = Pattern.compile("data-last=\"(\\d+)\"").matcher(before);
        assertTrue(last.find(), before);
        long usedBefore = emulator.orgs().byKey("acme").orElseThrow().quota().used();

        McpSyncClient client = mcp(new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "admin@acme.example"));
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Name FROM Account WHERE Name = '<b>x</b>'")));
        client.closeGracefully();

        String feed = console.get(ORG + "journal/feed?since=" + last.group(1)).asString();
        assertTrue(feed.contains("data-tool=\\\"soqlQuery\\\""), feed);
        assertTrue(feed.contains("data-kind=\\\"OAUTH\\\"") && feed.contains("data-endpoint=\\\"token\\\""),
                "the login's token request is in the journal too: " + feed);
        assertTrue(feed.contains("&amp;lt;b&amp;gt;x&amp;lt;/b&amp;gt;") || feed.contains("&lt;b&gt;x&lt;/b&gt;"), "arguments escaped: " + feed);
        assertTrue(console.get(ORG + "journal").asString().contains("<strong>soqlQuery</strong>"));

        String usage = console.get(ORG + "api-usage").asString();
        assertTrue(usage.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), usage);
        assertTrue(usage.contains(String.format("%,d", usedBefore + 1)), usage);
        assertTrue(usage.contains("data-hour=\"23\" data-count=\"" + countInLastHour() + "\""), usage);

        String files = console.get(ORG + "event-log-files").asString();
        Matcher day = Pattern.compile("<tr data-date=\"([0-9-]{10})\"").matcher(files);
        assertTrue(day.find(), files);
        Response csv = console.get(ORG + "event-log-files/ApiTotalUsage.csv?date=" + day.group(1));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(csv.asString().startsWith("\"TIMESTAMP_DERIVED\",\"EVENT_TYPE\""));
        assertTrue(csv.asString().contains("admin@acme.example"));
        assertEquals(400, console.get(ORG + "event-log-files?date=yesterday").statusCode());
    }

    private static long countInLastHour() {
        long[] hourly = emulator.orgs().byKey("acme").orElseThrow().quota().hourly();
        return hourly[23];
    }

    @Test
    void theLoginPageUsesTheConsoleStyleAndKeepsItsFormContract() {
        Response login = console.http().queryParams(Map.of("response_type", "code", "client_id", "sfmcp-demo-client",
                "redirect_uri", "http://localhost:8765/callback", "code_challenge", "x".repeat(43), "code_challenge_method", "S256"))
                .get("/login/services/oauth2/authorize");
        String html = login.asString();
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/_console/assets/console.css\">"), html);
        assertEquals(1, html.split("<form").length - 1, "one form");
        assertTrue(html.contains("<input type=\"hidden\" name=\"client_id\" value=\"sfmcp-demo-client\">"));
        Response css = console.get("/_console/assets/console.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.contentType().startsWith("text/css"));
        assertTrue(css.asString().contains(".login-card"));
        assertEquals(404, console.get("/_console/assets/nope.js").statusCode());
    }

    static Map<String, String> appForm(String consumerKey, String label, String callback) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        if (consumerKey != null) {
            f.put("consumerKey", consumerKey);
            f.put("developerName", consumerKey.replace('-', '_'));
        }
        f.put("label", label);
        f.put("clientType", "ExternalClientApp");
        f.put("callbackUrls", callback);
        f.put("scopes", "mcp_api");
        f.put("isPkceRequired", "true");
        f.put("consumerSecret", "");
        f.put("isConsumerSecretOptional", "true");
        f.put("isNamedUserJwtEnabled", "true");
        f.put("namedUserJwtSessionTimeoutType", "UserSession");
        f.put("namedUserJwtTimeout", "0");
        f.put("sessionTimeoutInMinutes", "0");
        f.put("refreshTokenPolicyType", "Infinite");
        f.put("refreshTokenValidityPeriod", "0");
        f.put("refreshTokenValidityUnit", "Days");
        f.put("permittedUsersPolicyType", "AllSelfAuthorized");
        f.put("commaSeparatedProfile", "");
        f.put("commaSeparatedPermissionSet", "");
        f.put("ipRelaxationPolicyType", "Enforce");
        f.put("trustedIpRanges", "");
        f.put("singleLogoutUrl", "");
        return f;
    }
}
