package dev.sfmcp.emulator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request journal and fault injection through the admin API, observed through the MCP Java SDK client. */
class JournalAndFaultsHttpTest {

    static final String ALL = "/platform/mcp/v1/platform/sobject-all";
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        admin().delete("/_emulator/journal").then().statusCode(204);
        admin().delete("/_emulator/faults").then().statusCode(204);
    }

    static RequestSpecification admin() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json");
    }

    static McpSyncClient client() {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl()).endpoint(ALL).build())
                .requestTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void journalRecordsEveryMessageInOrderAndAnswersVerify() {
        McpSyncClient client = client();
        client.initialize();
        client.listTools();
        client.callTool(new McpSchema.CallToolRequest("createSobjectRecord", Map.of("sobject-name", "Task", "body", Map.of("Subject", "Call"))));
        client.closeGracefully();

        admin().get("/_emulator/journal?method=tools/call").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].tool", equalTo("createSobjectRecord"))
                .body("entries[0].sobject", equalTo("Task"))
                .body("entries[0].arguments.body.Subject", equalTo("Call"))
                .body("entries[0].server", equalTo("platform/sobject-all"))
                .body("entries[0].isError", equalTo(false))
                .body("entries[0].result.structuredContent.success", equalTo(true));
        var methods = admin().get("/_emulator/journal?kind=MCP").then().statusCode(200).extract().jsonPath().getList("entries.rpcMethod");
        assertTrue(methods.indexOf("initialize") < methods.indexOf("tools/list"), methods.toString());
        assertTrue(methods.indexOf("tools/list") < methods.indexOf("tools/call"), methods.toString());

        admin().body("{\"tool\":\"createSobjectRecord\",\"sobject\":\"task\",\"exactly\":1}").post("/_emulator/journal/verify")
                .then().statusCode(200).body("ok", equalTo(true)).body("count", equalTo(1));
        admin().body("{\"tool\":\"createSobjectRecord\",\"sobject\":\"Account\",\"exactly\":1}").post("/_emulator/journal/verify")
                .then().statusCode(409).body("ok", equalTo(false)).body("message", equalTo("expected exactly 1 matching requests, found 0"));
        admin().get("/_emulator/journal/count?tool=createSobjectRecord").then().body("count", equalTo(1));
        admin().get("/_emulator/journal/count?status=abc").then().statusCode(400).body("message", containsString("status"));
    }

    @Test
    void journalRecordsRefusedRequestsToo() {
        given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("text/html").body("{}").post(ALL)
                .then().statusCode(406);
        admin().get("/_emulator/journal?status=406").then().body("entries", hasSize(1))
                .body("entries[0].isError", equalTo(true)).body("entries[0].error.error.code", equalTo(406));
    }

    @Test
    void journalStaysBoundedAndKeepsTheNewest() {
        try (Emulator small = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")
                .with(Option.JOURNAL_SIZE, "3")).start()) {
            for (int i = 0; i < 5; i++) {
                given().baseUri(small.localBaseUrl()).contentType("application/json").accept("text/html").body("{}").post(ALL);
            }
            var seqs = given().baseUri(small.localBaseUrl()).get("/_emulator/journal").then().statusCode(200)
                    .body("capacity", equalTo(3)).extract().jsonPath().getList("entries.sequence", Integer.class);
            assertEquals(java.util.List.of(3, 4, 5), seqs);
        }
    }

    @Test
    void unknownExceptionFaultIsTheRealToolErrorForTheNextNCalls() {
        admin().body("{\"type\":\"UNKNOWN_EXCEPTION\",\"match\":{\"tool\":\"soqlQuery\"},\"times\":2}").post("/_emulator/faults")
                .then().statusCode(201).body("id", startsWith("fault-")).body("remaining", equalTo(2));
        McpSyncClient client = client();
        client.initialize();
        for (int i = 0; i < 2; i++) {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Id FROM Account")));
            assertTrue(r.isError());
            String text = ((McpSchema.TextContent) r.content().get(0)).text();
            assertTrue(text.matches("\\[\\{\"message\":\"An unexpected error occurred. Please include this ErrorId if you contact support: "
                    + "\\d+-\\d+ \\(-?\\d+\\)\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"), text);
        }
        McpSchema.CallToolResult third = client.callTool(new McpSchema.CallToolRequest("soqlQuery", Map.of("q", "SELECT Id FROM Account LIMIT 1")));
        assertTrue(!third.isError(), "the third call is past the fault's two times");
        admin().get("/_emulator/faults").then().body("faults", hasSize(0));
        client.closeGracefully();
    }

    @Test
    void http503FaultReachesTheClient() {
        McpSyncClient client = client();
        client.initialize();
        admin().body("{\"type\":\"HTTP_503\",\"match\":{\"method\":\"tools/list\"},\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        assertThrows(RuntimeException.class, client::listTools);
        assertEquals(6, client.listTools().tools().size() > 0 ? 6 : 0);
        admin().get("/_emulator/journal?status=503").then().body("entries", hasSize(1));
        client.closeGracefully();
    }

    @Test
    void expireSessionFaultMakesTheSessionUnknown() {
        McpSyncClient client = client();
        client.initialize();
        admin().body("{\"type\":\"EXPIRE_SESSION\",\"match\":{\"method\":\"ping\"},\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        assertThrows(RuntimeException.class, client::ping);
        // the session itself is gone (counting all sessions would race with other tests' clients closing)
        String session = given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(ALL).then().statusCode(200).extract().header("Mcp-Session-Id");
        admin().body("{\"type\":\"EXPIRE_SESSION\",\"match\":{\"method\":\"ping\"},\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                    .header("Mcp-Session-Id", session).body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").post(ALL)
                    .then().statusCode(404);
        }
    }

    @Test
    void expireTokenFaultAnswers401WithInvalidToken() {
        String session = given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(ALL).then().statusCode(200).extract().header("Mcp-Session-Id");
        admin().body("{\"type\":\"EXPIRE_TOKEN\",\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                .header("Mcp-Session-Id", session).body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").post(ALL)
                .then().statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("errors[0].message", equalTo("JWT Token is required"));
    }

    @Test
    void dropConnectionFaultClosesTheSocket() {
        McpSyncClient client = client();
        client.initialize();
        admin().body("{\"type\":\"DROP_CONNECTION\",\"match\":{\"method\":\"ping\"},\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        assertThrows(RuntimeException.class, client::ping);
        client.ping();
        client.closeGracefully();
    }

    @Test
    void latencyFaultDelaysAndEmptyToolsListEmpties() {
        McpSyncClient client = client();
        client.initialize();
        admin().body("{\"type\":\"LATENCY\",\"latencyMillis\":300,\"match\":{\"method\":\"ping\"},\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        long t0 = System.nanoTime();
        client.ping();
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300, "the ping waited for the injected latency");
        admin().body("{\"type\":\"EMPTY_TOOLS_LIST\",\"times\":1}").post("/_emulator/faults").then().statusCode(201);
        assertEquals(0, client.listTools(null).tools().size());
        assertEquals(11, client.listTools(null).tools().size());
        client.closeGracefully();
    }

    @Test
    void probabilisticFaultsAreReproducibleWithASeed() {
        String body = "{\"type\":\"HTTP_500\",\"match\":{\"method\":\"ping\"},\"probability\":0.5,\"seed\":42}";
        String first = pattern(body);
        String second = pattern(body);
        assertEquals(first, second);
        assertTrue(first.contains("500") && first.contains("200"), first);
    }

    private String pattern(String fault) {
        admin().delete("/_emulator/faults");
        admin().body(fault).post("/_emulator/faults").then().statusCode(201);
        String session = given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(ALL).then().extract().header("Mcp-Session-Id");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            out.append(given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept("application/json, text/event-stream")
                    .header("Mcp-Session-Id", session).body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").post(ALL).statusCode()).append(' ');
        }
        return out.toString();
    }

    @Test
    void badFaultsAreRefusedWithAReason() {
        admin().body("{\"type\":\"EXPLODE\"}").post("/_emulator/faults").then().statusCode(400).body("message", containsString("unknown fault type"));
        admin().body("{\"type\":\"HTTP_500\",\"times\":0}").post("/_emulator/faults").then().statusCode(400).body("message", containsString("times"));
        admin().body("{\"type\":\"HTTP_500\",\"probability\":2}").post("/_emulator/faults").then().statusCode(400);
        admin().body("nope").post("/_emulator/faults").then().statusCode(400);
        admin().delete("/_emulator/faults/fault-999").then().statusCode(404);
    }

    @Test
    void adminKeyProtectsEverythingButHealth() {
        try (Emulator locked = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.ADMIN_KEY, "s3cret")).start()) {
            given().baseUri(locked.localBaseUrl()).get("/_emulator/health").then().statusCode(200);
            given().baseUri(locked.localBaseUrl()).get("/_emulator/journal").then().statusCode(401).body("message", containsString("admin key"));
            given().baseUri(locked.localBaseUrl()).header("Authorization", "Bearer wrong").get("/_emulator/clock").then().statusCode(401);
            given().baseUri(locked.localBaseUrl()).header("Authorization", "Bearer s3cret").get("/_emulator/clock").then().statusCode(200);
            given().baseUri(locked.localBaseUrl()).header("X-Admin-Key", "s3cret").get("/_emulator/journal").then().statusCode(200);
        }
    }
}
