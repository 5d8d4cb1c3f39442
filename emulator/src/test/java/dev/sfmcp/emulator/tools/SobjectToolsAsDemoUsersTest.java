package dev.sfmcp.emulator.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The eleven sObject tools through the MCP Java SDK, logged in as different demo users through the real OAuth flow:
 * successes, each class of error, and the access model's outcomes.
 */
class SobjectToolsAsDemoUsersTest {

    static final String ALL = "/platform/mcp/v1/platform/sobject-all";
    static final ObjectMapper JSON = new ObjectMapper();
    static Emulator emulator;
    static final Map<String, String> tokens = new HashMap<>();
    final List<McpSyncClient> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        OAuthTestClient oauth = new OAuthTestClient(emulator);
        for (String user : List.of("admin", "manager", "rep", "rep2", "readonly")) {
            tokens.put(user, oauth.accessToken("/login", "sfmcp-demo-client", user + "@acme.example"));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        io.restassured.RestAssured.given().baseUri(emulator.localBaseUrl()).post("/_emulator/reset").then().statusCode(200);
    }

    @AfterEach
    void close() {
        open.forEach(McpSyncClient::closeGracefully);
    }

    McpSyncClient as(String user, String server) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl())
                        .endpoint("/platform/mcp/v1/" + server)
                        .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + tokens.get(user))).build())
                .requestTimeout(Duration.ofSeconds(30)).clientInfo(new McpSchema.Implementation("demo-user-test", "1")).build();
        client.initialize();
        open.add(client);
        return client;
    }

    McpSyncClient as(String user) {
        return as(user, "platform/sobject-all");
    }

    static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        try {
            JsonNode text = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            if (Boolean.TRUE.equals(r.isError())) {
                assertTrue(text.isArray(), "an error result carries the REST error array");
                return JSON.createObjectNode().set("error", text.get(0));
            }
            assertEquals(text, JSON.valueToTree(r.structuredContent()), "the text block carries the same JSON as structuredContent");
            return text;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static int count(McpSyncClient client, String soql) {
        JsonNode r = call(client, "soqlQuery", Map.of("q", soql));
        assertFalse(r.has("error"), () -> r.toString());
        return r.path("totalSize").asInt();
    }

    @Test
    void sharingDecidesWhichOpportunitiesEachUserSees() {
        String adminsPrivate = "SELECT COUNT() FROM Opportunity WHERE Name = 'Lakeside Foods - Analytics Add-on'";
        String repsOwn = "SELECT COUNT() FROM Opportunity WHERE Name = 'Ironclad Bank - Pilot'";
        assertEquals(1, count(as("admin"), adminsPrivate));
        assertEquals(0, count(as("rep"), adminsPrivate), "a rep does not see the admin's private opportunity");
        assertEquals(1, count(as("rep"), repsOwn));
        assertEquals(1, count(as("manager"), repsOwn), "the manager sees the rep's opportunity through the role hierarchy");
        assertEquals(0, count(as("rep2"), repsOwn), "a peer rep does not");
        int all = count(as("admin"), "SELECT COUNT() FROM Opportunity");
        int reps = count(as("rep"), "SELECT COUNT() FROM Opportunity");
        assertTrue(reps > 0 && reps < all, reps + " of " + all);
    }

    @Test
    void directReadOfAnInvisibleRecordIsNotFound() {
        String id = call(as("admin"), "soqlQuery", Map.of("q", "SELECT Id FROM Opportunity WHERE Name = 'Lakeside Foods - Analytics Add-on'"))
                .path("records").path(0).path("Id").asText();
        JsonNode r = call(as("rep"), "getRelatedRecords", Map.of("sobject-name", "Opportunity", "id", id, "relationship-path", "Account"));
        assertEquals("NOT_FOUND", r.path("error").path("errorCode").asText(), r.toString());
        JsonNode update = call(as("rep"), "updateSobjectRecord", Map.of("sobject-name", "Opportunity", "id", id, "body", Map.of("StageName", "Closed Lost")));
        assertEquals("NOT_FOUND", update.path("error").path("errorCode").asText(), update.toString());
    }

    @Test
    void readOnlyCannotCreateAndSeesTheRealError() {
        JsonNode r = call(as("readonly"), "createSobjectRecord", Map.of("sobject-name", "Task", "body", Map.of("Subject", "Call back")));
        assertTrue(r.has("error"), r.toString());
        assertFalse(r.path("error").path("errorCode").asText().isEmpty());
        assertTrue(count(as("readonly"), "SELECT COUNT() FROM Account") > 0, "but it can read");
    }

    @Test
    void aServerWithoutAToolNeitherListsNorRunsIt() {
        McpSyncClient mutations = as("rep", "platform/sobject-mutations");
        List<String> names = mutations.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertFalse(names.contains("deleteSobjectRecord"));
        assertFalse(names.contains("getUserInfo"));
        assertThrows(RuntimeException.class, () -> mutations.callTool(new McpSchema.CallToolRequest("deleteSobjectRecord",
                Map.of("sobject-name", "Account", "id", "001000000000000AAA"))));
    }

    @Test
    void getObjectSchemaIndexAndDetail() {
        JsonNode index = call(as("rep"), "getObjectSchema", Map.of());
        assertTrue(index.path("index").path("objectCount").asInt() > 10, index.toString());
        assertTrue(index.path("index").path("objects").findValuesAsText("name").contains("Project__c"));
        JsonNode detail = call(as("rep"), "getObjectSchema", Map.of("objects", "Account, Opportunity"));
        assertEquals(2, detail.path("details").size());
        JsonNode account = detail.path("details").path(0);
        assertEquals("Account", account.path("name").asText());
        JsonNode tier = null;
        for (JsonNode f : account.path("fields")) {
            if (f.path("name").asText().equals("Customer_Tier__c")) {
                tier = f;
            }
        }
        assertNotNull(tier, "the custom field is described");
        assertEquals("picklist", tier.path("type").asText());
        assertEquals(List.of("Platinum", "Gold", "Silver", "Bronze"), tier.path("picklistValues").findValuesAsText("value"));
        JsonNode alias = call(as("rep"), "getObjectSchema", Map.of("object-name", "Lead"));
        assertEquals("Lead", alias.path("details").path(0).path("name").asText(), "object-name is accepted as an alias of objects");
        JsonNode unknown = call(as("rep"), "getObjectSchema", Map.of("objects", "Nope__c"));
        assertEquals("INVALID_TYPE", unknown.path("error").path("errorCode").asText(), unknown.toString());
    }

    @Test
    void soqlErrorsKeepSalesforcesWording() {
        JsonNode r = call(as("rep"), "soqlQuery", Map.of("q", "SELECT Id, Nope__c FROM Account"));
        assertEquals("INVALID_FIELD", r.path("error").path("errorCode").asText());
        assertTrue(r.path("error").path("message").asText().contains("ERROR at Row:1:Column:12"), r.toString());
        JsonNode malformed = call(as("rep"), "soqlQuery", Map.of("q", "SELEC Id FROM Account"));
        assertEquals("MALFORMED_QUERY", malformed.path("error").path("errorCode").asText(), malformed.toString());
        JsonNode missing = call(as("rep"), "soqlQuery", Map.of());
        assertTrue(missing.path("error").path("message").asText().contains("Missing required argument 'q'"), missing.toString());
    }

    @Test
    void findGetUserInfoAndRecentRecords() {
        McpSyncClient rep = as("rep");
        JsonNode found = call(rep, "find", Map.of("q", "FIND {Ironclad} IN NAME FIELDS RETURNING Account(Name), Opportunity(Name)"));
        assertTrue(found.path("searchRecords").size() >= 1, found.toString());
        JsonNode me = call(rep, "getUserInfo", Map.of());
        assertEquals("rep@acme.example", me.path("identity").path("username").asText());
        assertEquals("Acme Corporation", me.path("identity").path("companyName").asText());
        assertEquals("Standard User", me.path("identity").path("profileName").asText());
        assertEquals("America/Los_Angeles", me.path("userTimeAndLocale").path("timeZoneIana").asText());
        assertTrue(me.path("userTimeAndLocale").path("localTimeIso").asText().endsWith(" UTC"));
        JsonNode created = call(rep, "createSobjectRecord", Map.of("sobject-name", "Account", "body", Map.of("Name", "Recently Made Ltd")));
        JsonNode recent = call(rep, "listRecentSobjectRecords", Map.of("sobject-name", "Account"));
        assertEquals(created.path("id").asText(), recent.path("recentItems").path(0).path("Id").asText(), recent.toString());
    }

    @Test
    void writeToolsAndRelationshipTraversal() {
        McpSyncClient rep = as("rep");
        JsonNode account = call(rep, "createSobjectRecord", Map.of("sobject-name", "Account", "body", Map.of("Name", "Traversal Co", "Industry", "Energy")));
        assertTrue(account.path("success").asBoolean(), account.toString());
        String accountId = account.path("id").asText();
        JsonNode contact = call(rep, "createSobjectRecord", Map.of("sobject-name", "Contact", "body", Map.of("LastName", "Lovelace", "AccountId", accountId)));
        String contactId = contact.path("id").asText();
        JsonNode contacts = call(rep, "getRelatedRecords", Map.of("sobject-name", "Account", "id", accountId, "relationship-path", "Contacts"));
        assertEquals(1, contacts.path("totalSize").asInt(), contacts.toString());
        JsonNode updated = call(rep, "updateRelatedRecord", Map.of("sobject-name", "Contact", "id", contactId, "relationship-path", "Account",
                "body", Map.of("Industry", "Utilities")));
        assertEquals(accountId, updated.path("id").asText(), updated.toString());
        assertEquals(1, count(rep, "SELECT COUNT() FROM Account WHERE Id = '" + accountId + "' AND Industry = 'Utilities'"));
        JsonNode bad = call(rep, "updateSobjectRecord", Map.of("sobject-name", "Account", "id", accountId, "body", Map.of("Nope__c", 1)));
        assertEquals("INVALID_FIELD", bad.path("error").path("errorCode").asText(), bad.toString());
        JsonNode missingName = call(rep, "createSobjectRecord", Map.of("sobject-name", "Account", "body", Map.of("Industry", "Energy")));
        assertEquals("REQUIRED_FIELD_MISSING", missingName.path("error").path("errorCode").asText(), missingName.toString());
        JsonNode malformedId = call(rep, "deleteSobjectRecord", Map.of("sobject-name", "Account", "id", "abc"));
        assertFalse(malformedId.path("error").path("errorCode").asText().isEmpty(), malformedId.toString());
        JsonNode deletedParent = call(rep, "deleteRelatedRecord", Map.of("sobject-name", "Contact", "id", contactId, "relationship-path", "Account"));
        assertEquals(accountId, deletedParent.path("id").asText(), deletedParent.toString());
        assertEquals(0, count(rep, "SELECT COUNT() FROM Account WHERE Id = '" + accountId + "'"));
        JsonNode again = call(rep, "deleteSobjectRecord", Map.of("sobject-name", "Account", "id", accountId));
        assertTrue(again.has("error"), again.toString());
    }

    @Test
    void promptTemplatesRenderWithTheCallersData() {
        McpSyncClient rep = as("rep");
        List<String> names = rep.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList();
        assertTrue(names.containsAll(List.of("Account_Review_Briefing", "Opportunity_Pipeline_Review", "Case_Summary")), names.toString());
        String accountId = call(rep, "soqlQuery", Map.of("q", "SELECT Id FROM Account WHERE Name = 'Ironclad Bank'")).path("records").path(0).path("Id").asText();
        McpSchema.GetPromptResult briefing = rep.getPrompt(new McpSchema.GetPromptRequest("Account_Review_Briefing", Map.of("accountId", accountId)));
        String text = ((McpSchema.TextContent) briefing.messages().get(0).content()).text();
        assertTrue(text.contains("Prepare an account review briefing for Ironclad Bank"), text);
        assertTrue(text.contains("Ironclad Bank - Pilot"), text);
        assertThrows(RuntimeException.class, () -> rep.getPrompt(new McpSchema.GetPromptRequest("Account_Review_Briefing", Map.of())));
        assertThrows(RuntimeException.class, () -> rep.getPrompt(new McpSchema.GetPromptRequest("Nope", Map.of())));
    }
}
