package dev.sfmcp.emulator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The org's API quota, its ApiTotalUsage event log and reset, observed through the MCP Java SDK and the admin API. */
class QuotaEventLogResetHttpTest {

    static Emulator emulator;
    static McpSyncClient client;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void resetAndConnect() {
        admin().body("{\"clock\":true}").post("/_emulator/reset").then().statusCode(200);
        client = connect();
    }

    @org.junit.jupiter.api.AfterEach
    void disconnect() {
        client.close();
    }

    static McpSyncClient connect() {
        McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl())
                .endpoint("/platform/mcp/v1/platform/sobject-all").build()).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("quota-test", "1")).build();
        c.initialize();
        return c;
    }

    static RequestSpecification admin() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json");
    }

    static McpSchema.CallToolResult query(String soql) {
        return client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", soql)));
    }

    @Test
    void everyToolCallCountsAndPastTheLimitFailsWithRequestLimitExceeded() {
        admin().get("/_emulator/orgs/acme/limits").then().statusCode(200).body("DailyApiRequests.Max", equalTo(105000))
                .body("DailyApiRequests.Remaining", equalTo(105000));
        query("SELECT Id FROM Account LIMIT 1");
        client.listTools();
        admin().get("/_emulator/orgs/acme/limits").then().body("DailyApiRequests.Remaining", equalTo(104999));
        admin().body("{\"max\":10,\"used\":9}").put("/_emulator/orgs/acme/limits").then().statusCode(200)
                .body("DailyApiRequests.Max", equalTo(10)).body("DailyApiRequests.Remaining", equalTo(1));
        assertTrue(!query("SELECT Id FROM Account LIMIT 1").isError());
        McpSchema.CallToolResult refused = query("SELECT Id FROM Account LIMIT 1");
        assertTrue(refused.isError());
        assertEquals("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                ((McpSchema.TextContent) refused.content().get(0)).text());
        emulator.clock().advance(Duration.ofHours(24).plusMinutes(1));
        client.close();
        client = connect();
        assertTrue(!query("SELECT Id FROM Account LIMIT 1").isError(), "the rolling 24 hours released the old requests");
        admin().body("{\"max\":-1}").put("/_emulator/orgs/acme/limits").then().statusCode(400);
        admin().get("/_emulator/orgs/nope/limits").then().statusCode(404);
    }

    @Test
    void exhaustQuotaFaultUsesUpTheOrgsRequests() {
        admin().body("{\"type\":\"EXHAUST_QUOTA\",\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        assertTrue(query("SELECT Id FROM Account LIMIT 1").isError());
        assertTrue(query("SELECT Id FROM Account LIMIT 1").isError(), "the quota stays used up after the fault fired");
        admin().get("/_emulator/orgs/acme/limits").then().body("DailyApiRequests.Remaining", equalTo(0));
    }

    @Test
    void eachToolCallIsAnApiTotalUsageEventInTheDailyCsv() {
        query("SELECT Id, Name FROM Opportunity LIMIT 2");
        query("SELECT Nope FROM Account");
        client.callTool(new McpSchema.CallToolRequest("getObjectSchema", Map.of("objects", "Account")));
        String today = LocalDate.ofInstant(emulator.clock().instant(), ZoneOffset.UTC).toString();
        admin().get("/_emulator/orgs/acme/events").then().statusCode(200).body("events", hasSize(3))
                .body("events[0].apiResource", equalTo("/v66.0/query")).body("events[0].entityName", equalTo("Opportunity"))
                .body("events[0].statusCode", equalTo(200)).body("events[1].statusCode", equalTo(400))
                .body("events[2].apiResource", equalTo("/v66.0/sobjects/Account/describe"))
                .body("events[0].clientName", equalTo("quota-test"));
        admin().get("/_emulator/orgs/acme/event-log-files").then().statusCode(200).body("records[0].EventType", equalTo("ApiTotalUsage"))
                .body("records[0].LogDate", equalTo(today + "T00:00:00.000+0000"));
        String csv = admin().get("/_emulator/orgs/acme/event-log-files/ApiTotalUsage?date=" + today).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[1].contains("\"ApiTotalUsage\"") && lines[1].contains("\"SALESFORCE_HOSTED_MCP\"") && lines[1].contains("\"/v66.0/query\""), lines[1]);
        admin().get("/_emulator/orgs/acme/event-log-files/ApiTotalUsage?date=yesterday").then().statusCode(400);
    }

    @Test
    void resetReturnsTheOrgToItsLoadedStateFast() {
        String id = ((Map<?, ?>) client.callTool(new McpSchema.CallToolRequest("createSobjectRecord",
                Map.of("sobject-name", "Account", "body", Map.of("Name", "Reset Me Inc")))).structuredContent()).get("id").toString();
        assertEquals(1, count("SELECT COUNT() FROM Account WHERE Name = 'Reset Me Inc'"));
        int took = admin().post("/_emulator/orgs/acme/reset").then().statusCode(200).body("reset[0]", equalTo("acme"))
                .extract().path("millis");
        assertEquals(0, count("SELECT COUNT() FROM Account WHERE Name = 'Reset Me Inc'"));
        assertTrue(took < 1000, "reset took " + took + " ms");
        assertTrue(id.startsWith("001"));
        admin().get("/_emulator/orgs/acme/events").then().body("events", hasSize(1));
    }

    static int count(String soql) {
        return ((Number) ((Map<?, ?>) query(soql).structuredContent()).get("totalSize")).intValue();
    }
}
