package dev.sfmcp.emulator.tools;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import dev.sfmcp.emulator.org.OrgAssembly;
import dev.sfmcp.fixtures.org.OrgLoader;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tool catalog variant is chosen per org: the demo org (GA, from {@code --catalog}) and a fixture org that names
 * the legacy catalog serve different tools on the same URL, side by side, through the MCP Java SDK; the admin API
 * changes an org's variant at runtime, for new sessions.
 */
class CatalogVariantPerOrgTest {

    static final String ALL = "platform/sobject-all";
    static final ObjectMapper JSON = new ObjectMapper();
    static Emulator emulator;
    static String acmeToken;
    static String oldtimerToken;
    final List<McpSyncClient> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        emulator.addOrg(OrgAssembly.of(OrgLoader.load(emulator.clock(), Path.of("src/test/resources/fixtures/legacy-catalog-org.yaml")).get(0),
                emulator.clock(), emulator.config().signingKeyBits()));
        OAuthTestClient oauth = new OAuthTestClient(emulator);
        acmeToken = oauth.accessToken("/login", "sfmcp-demo-client", "rep@acme.example");
        oldtimerToken = oauth.accessToken("/login", "sfmcp-demo-client", "admin@oldtimer.example");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void closeClientsAndRestoreTheDemoCatalog() {
        open.forEach(McpSyncClient::closeGracefully);
        admin().body("{\"variant\":\"ga\"}").put("/_emulator/orgs/acme/catalog").then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json");
    }

    McpSyncClient client(String token, String server) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl())
                        .endpoint("/platform/mcp/v1/" + server)
                        .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + token)).build())
                .requestTimeout(Duration.ofSeconds(30)).clientInfo(new McpSchema.Implementation("catalog-test", "1")).build();
        client.initialize();
        open.add(client);
        return client;
    }

    static List<String> toolNames(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        try {
            JsonNode text = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            return Boolean.TRUE.equals(r.isError()) ? JSON.createObjectNode().set("error", text.get(0)) : text;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertUnknownTool(McpSyncClient client, String tool, Map<String, Object> args) {
        McpError e = assertThrows(McpError.class, () -> client.callTool(new McpSchema.CallToolRequest(tool, args)));
        assertTrue(e.getMessage().contains("Unknown tool: " + tool), e.getMessage());
    }

    @Test
    void twoOrgsOnTheSameUrlServeTheirOwnCatalogs() {
        McpSyncClient acme = client(acmeToken, ALL);
        McpSyncClient oldtimer = client(oldtimerToken, ALL);

        assertEquals(List.of("getObjectSchema", "soqlQuery", "find", "getUserInfo", "listRecentSobjectRecords", "getRelatedRecords",
                "createSobjectRecord", "updateSobjectRecord", "updateRelatedRecord", "deleteSobjectRecord", "deleteRelatedRecord"),
                toolNames(acme));
        assertEquals(List.of("getSchema", "soqlQuery", "soslSearch", "getAuthenticatedUser", "getRecentlyViewed", "getRelatedRecords",
                "createSobjectRecord", "updateSobjectRecord", "updateChildRecord", "deleteSobjectRecord", "deleteChildRecord"),
                toolNames(oldtimer));

        // the legacy names run in the legacy org, with the legacy argument names, on the org's own data
        JsonNode rows = call(oldtimer, "soqlQuery", Map.of("query", "SELECT Name FROM Account ORDER BY Name"));
        assertEquals(2, rows.path("totalSize").asInt(), rows.toString());
        assertEquals("Oldtimer Foundry", rows.path("records").path(0).path("Name").asText());
        JsonNode me = call(oldtimer, "getAuthenticatedUser", Map.of());
        assertTrue(me.toString().contains("admin@oldtimer.example"), me.toString());
        JsonNode schema = call(oldtimer, "getSchema", Map.of());
        assertFalse(schema.has("error"), schema.toString());
        JsonNode found = call(oldtimer, "soslSearch", Map.of("search", "FIND {Foundry} IN NAME FIELDS RETURNING Account(Name)"));
        assertFalse(found.has("error"), found.toString());

        // and are unknown in the GA org; the GA names are unknown in the legacy org
        assertUnknownTool(acme, "getSchema", Map.of());
        assertUnknownTool(acme, "getAuthenticatedUser", Map.of());
        assertUnknownTool(oldtimer, "getObjectSchema", Map.of());
        assertUnknownTool(oldtimer, "getUserInfo", Map.of());
        assertEquals(0, call(acme, "soqlQuery", Map.of("q", "SELECT COUNT() FROM Account WHERE Name = 'Oldtimer Foundry'"))
                .path("totalSize").asInt(), "each org answers from its own data");
    }

    @Test
    void theFixtureVariantAndTheDefaultShowInTheAdminApi() {
        admin().get("/_emulator/orgs/oldtimer").then().statusCode(200).body("catalogVariant", equalTo("legacy"));
        admin().get("/_emulator/orgs/acme").then().statusCode(200).body("catalogVariant", equalTo("ga"));
        admin().get("/_emulator/orgs/oldtimer/catalog").then().statusCode(200).body("variant", equalTo("legacy"))
                .body("variants", equalTo(List.of("ga", "live-9", "legacy")));
    }

    @Test
    void aRuntimeChangeReachesNewSessionsWhileOpenOnesKeepTheirList() {
        McpSyncClient before = client(acmeToken, ALL);
        assertEquals(11, toolNames(before).size());

        admin().body("{\"variant\":\"live-9\"}").put("/_emulator/orgs/acme/catalog").then().statusCode(200)
                .body("variant", equalTo("live-9"));
        admin().get("/_emulator/orgs/acme").then().body("catalogVariant", equalTo("live-9"));

        McpSyncClient after = client(acmeToken, ALL);
        List<String> nine = toolNames(after);
        assertEquals(9, nine.size(), nine.toString());
        assertFalse(nine.contains("deleteSobjectRecord"));
        assertUnknownTool(after, "deleteSobjectRecord", Map.of("sobject-name", "Account", "id", "001000000000000AAA"));
        assertEquals(6, toolNames(client(acmeToken, "platform/sobject-reads")).size(), "live-9 changes sobject-all only");

        // the session opened before the change keeps the 11 tools it was promised (tools.listChanged is false)
        assertEquals(11, toolNames(before).size());
        JsonNode deleted = call(before, "deleteSobjectRecord", Map.of("sobject-name", "Account", "id", "001000000000000AAA"));
        assertTrue(deleted.has("error"), deleted.toString());
        assertFalse(deleted.path("error").path("errorCode").asText().isEmpty(), "a Salesforce error, not an unknown tool");

        // the other org is untouched
        assertEquals("getSchema", toolNames(client(oldtimerToken, ALL)).get(0));
    }

    @Test
    void badCatalogRequestsAreExplained() {
        admin().body("{\"variant\":\"beta\"}").put("/_emulator/orgs/acme/catalog").then().statusCode(400)
                .body("message", containsString("'variant' must be one of [ga, live-9, legacy]"));
        admin().body("{}").put("/_emulator/orgs/acme/catalog").then().statusCode(400);
        admin().body("[]").put("/_emulator/orgs/acme/catalog").then().statusCode(400);
        admin().body("{\"variant\":\"ga\"}").put("/_emulator/orgs/nowhere/catalog").then().statusCode(404);
        admin().get("/_emulator/orgs/acme/catalog").then().body("variant", equalTo("ga"));
    }
}
