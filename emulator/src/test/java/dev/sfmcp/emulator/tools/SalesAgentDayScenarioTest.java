package dev.sfmcp.emulator.tools;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sales agent's day as the rep, end to end: look up the schema, find an account, read its opportunities, move a
 * stage, create a follow-up task, read it back, delete a test record; then the org's quota and event log show exactly
 * those calls.
 */
class SalesAgentDayScenarioTest {

    @Test
    void aSalesAgentsDay() {
        try (Emulator emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start()) {
            String token = new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep@acme.example");
            McpSyncClient agent = McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl())
                            .endpoint("/platform/mcp/v1/platform/sobject-all")
                            .httpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + token)).build())
                    .requestTimeout(Duration.ofSeconds(30)).clientInfo(new McpSchema.Implementation("sales-agent", "1")).build();
            agent.initialize();

            JsonNode schema = SobjectToolsAsDemoUsersTest.call(agent, "getObjectSchema", Map.of("objects", "Opportunity,Task"));
            assertEquals(2, schema.path("details").size());
            JsonNode found = SobjectToolsAsDemoUsersTest.call(agent, "find",
                    Map.of("q", "FIND {Ironclad Bank} IN NAME FIELDS RETURNING Account(Id, Name)"));
            String accountId = found.path("searchRecords").path(0).path("Id").asText();
            assertTrue(accountId.startsWith("001"), found.toString());
            JsonNode opps = SobjectToolsAsDemoUsersTest.call(agent, "getRelatedRecords",
                    Map.of("sobject-name", "Account", "id", accountId, "relationship-path", "Opportunities"));
            String oppId = null;
            for (JsonNode o : opps.path("records")) {
                if (o.path("Name").asText().equals("Ironclad Bank - Pilot")) {
                    oppId = o.path("Id").asText();
                }
            }
            assertTrue(oppId != null, opps.toString());
            JsonNode moved = SobjectToolsAsDemoUsersTest.call(agent, "updateSobjectRecord",
                    Map.of("sobject-name", "Opportunity", "id", oppId, "body", Map.of("StageName", "Negotiation/Review")));
            assertTrue(moved.path("success").asBoolean(), moved.toString());
            JsonNode task = SobjectToolsAsDemoUsersTest.call(agent, "createSobjectRecord", Map.of("sobject-name", "Task",
                    "body", Map.of("Subject", "Send the negotiation draft", "WhatId", oppId, "ActivityDate", "2026-12-01")));
            assertTrue(task.path("success").asBoolean(), task.toString());
            JsonNode readBack = SobjectToolsAsDemoUsersTest.call(agent, "soqlQuery", Map.of("q",
                    "SELECT Subject, What.Name FROM Task WHERE WhatId = '" + oppId + "' AND Subject = 'Send the negotiation draft'"));
            assertEquals(1, readBack.path("totalSize").asInt(), readBack.toString());
            JsonNode stage = SobjectToolsAsDemoUsersTest.call(agent, "soqlQuery", Map.of("q", "SELECT StageName FROM Opportunity WHERE Id = '" + oppId + "'"));
            assertEquals("Negotiation/Review", stage.path("records").path(0).path("StageName").asText());
            JsonNode scratch = SobjectToolsAsDemoUsersTest.call(agent, "createSobjectRecord", Map.of("sobject-name", "Account", "body", Map.of("Name", "ZZ Test Record")));
            JsonNode deleted = SobjectToolsAsDemoUsersTest.call(agent, "deleteSobjectRecord", Map.of("sobject-name", "Account", "id", scratch.path("id").asText()));
            assertTrue(deleted.path("success").asBoolean(), deleted.toString());
            agent.closeGracefully();

            String base = emulator.localBaseUrl();
            int remaining = given().baseUri(base).get("/_emulator/orgs/acme/limits").then().statusCode(200)
                    .extract().path("DailyApiRequests.Remaining");
            int max = given().baseUri(base).get("/_emulator/orgs/acme/limits").then().extract().path("DailyApiRequests.Max");
            assertEquals(9, max - remaining, "nine tool calls were counted");
            List<Map<String, Object>> events = given().baseUri(base).get("/_emulator/orgs/acme/events").then().statusCode(200)
                    .extract().jsonPath().getList("events");
            assertEquals(9, events.size());
            assertEquals(List.of("/v66.0/sobjects/Opportunity/describe", "/v66.0/search", "/v66.0/sobjects/Account/" + accountId + "/Opportunities",
                    "/v66.0/sobjects/Opportunity/" + oppId, "/v66.0/sobjects/Task", "/v66.0/query", "/v66.0/query", "/v66.0/sobjects/Account",
                    "/v66.0/sobjects/Account/" + scratch.path("id").asText()), events.stream().map(e -> e.get("apiResource")).toList());
            assertEquals(List.of(200, 200, 200, 204, 201, 200, 200, 201, 204), events.stream().map(e -> e.get("statusCode")).toList());
            assertTrue(events.stream().allMatch(e -> "rep@acme.example".equals(e.get("username")) && "sfmcp demo client".equals(e.get("connectedAppName"))),
                    events.toString());
            String csv = given().baseUri(base).get("/_emulator/orgs/acme/event-log-files/ApiTotalUsage").then().statusCode(200).extract().asString();
            assertEquals(10, csv.split("\n").length);
            assertFalse(csv.contains("\"false\""), "every call counted against the limit");
        }
    }
}
