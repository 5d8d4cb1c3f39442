package dev.sfmcp.emulator.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Streamable HTTP transport over a real port, rule by rule. */
class McpTransportHttpTest {

    static final String READS = "/platform/mcp/v1/platform/sobject-reads";
    static final String ALL = "/platform/mcp/v1/platform/sobject-all";
    static final String BOTH = "application/json, text/event-stream";
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.NO_AUTH, "true")
                .with(Option.ACTIVE_SERVERS, "platform/sobject-reads,platform/sobject-mutations,platform/sobject-all")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static RequestSpecification mcp() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json").accept(BOTH);
    }

    static String initialize(String path, String version) {
        return mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                        + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(path).then().statusCode(200).extract().header("Mcp-Session-Id");
    }

    static Response call(String path, String session, String body) {
        return mcp().header("Mcp-Session-Id", session).body(body).post(path);
    }

    @Test
    void initializeIssuesAVisibleAsciiSessionAndNegotiates() {
        Response r = mcp().body("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").post(READS);
        r.then().statusCode(200).contentType("application/json")
                .header("Mcp-Session-Id", matchesPattern("[\\x21-\\x7E]+"))
                .body("id", equalTo("a"))
                .body("result.protocolVersion", equalTo("2025-06-18"))
                .body("result.capabilities.tools.listChanged", equalTo(false))
                .body("result.capabilities.prompts", nullValue())
                .body("result.serverInfo.name", equalTo("sfmcp-emulator"))
                .body("result.instructions", containsString("soqlQuery"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
    void supportedVersionsAreEchoed(String version) {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").post(READS)
                .then().statusCode(200).body("result.protocolVersion", equalTo(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05", "1.0.0", "2026-07-28"})
    void unknownVersionsGetTheLatest(String version) {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").post(READS)
                .then().statusCode(200).body("result.protocolVersion", equalTo("2025-11-25"));
    }

    @Test
    void initializeToleratesTheVersionHeaderTheJavaSdkSends() {
        mcp().header("MCP-Protocol-Version", "2025-11-25").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(READS).then().statusCode(200);
    }

    @Test
    void initializeWithoutParamsIsInvalidParams() {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}").post(READS)
                .then().statusCode(200).body("error.code", equalTo(-32602)).body("id", equalTo(1));
    }

    @Test
    void sobjectAllAdvertisesPrompts() {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").post(ALL)
                .then().statusCode(200).body("result.capabilities.prompts.listChanged", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/event-stream", "*/*", "text/html"})
    void acceptMustListBothTypes(String accept) {
        given().baseUri(emulator.localBaseUrl()).contentType("application/json").header("Accept", accept)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(406)
                .body("error.code", equalTo(406))
                .body("error.message", equalTo("Accept header must include both application/json and text/event-stream"));
    }

    @Test
    void acceptWithParametersAndCaseIsParsedAsMediaTypes() {
        String session = initialize(READS, "2025-11-25");
        given().baseUri(emulator.localBaseUrl()).contentType("application/json")
                .header("Accept", "Text/Event-Stream;q=0.9, APPLICATION/JSON; charset=utf-8")
                .header("Mcp-Session-Id", session).body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(200).body("result.size()", equalTo(0));
    }

    @Test
    void contentTypeMustBeJsonComparedAsAMediaType() {
        String session = initialize(READS, "2025-11-25");
        given().baseUri(emulator.localBaseUrl()).accept(BOTH).header("Mcp-Session-Id", session)
                .contentType("text/plain").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(415).body("error.code", equalTo(-32000));
        given().baseUri(emulator.localBaseUrl()).accept(BOTH).header("Mcp-Session-Id", session)
                .contentType("application/json; charset=utf-8").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(200);
    }

    @Test
    void getAnswers405() {
        given().baseUri(emulator.localBaseUrl()).accept("text/event-stream").get(READS)
                .then().statusCode(405).header("Allow", containsString("POST"));
    }

    @Test
    void putAnswers405() {
        mcp().body("{}").put(READS).then().statusCode(405);
    }

    @Test
    void invalidJsonIsAParseError() {
        mcp().body("{\"jsonrpc\":").post(READS).then().statusCode(400)
                .body("error.code", equalTo(-32700)).body("id", nullValue());
    }

    @Test
    void requestsNeedASession() {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(400).body("error.code", equalTo(-32000)).body("error.message", containsString("Mcp-Session-Id"));
        mcp().header("Mcp-Session-Id", "nope").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(404).body("error.code", equalTo(-32001));
    }

    @Test
    void aSessionBelongsToTheServerItWasOpenedOn() {
        String session = initialize(READS, "2025-11-25");
        call(ALL, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").then().statusCode(404);
    }

    @Test
    void pingAnswersAnEmptyResult() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").then().statusCode(200)
                .body("jsonrpc", equalTo("2.0")).body("id", equalTo(7)).body("result.size()", equalTo(0));
    }

    @Test
    void notificationsAndResponsesAnswer202WithoutBody() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .then().statusCode(202).body(emptyString());
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}").then().statusCode(202).body(emptyString());
    }

    @Test
    void deleteEndsTheSession() {
        String session = initialize(READS, "2025-11-25");
        mcp().header("Mcp-Session-Id", session).delete(READS).then().statusCode(200);
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").then().statusCode(404);
        mcp().header("Mcp-Session-Id", session).delete(READS).then().statusCode(404);
        mcp().delete(READS).then().statusCode(400);
    }

    @Test
    void sessionsExpireAfterIdleTimeOnTheClock() {
        String session = initialize(READS, "2025-11-25");
        emulator.clock().advance(Duration.ofMinutes(29));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").then().statusCode(200);
        emulator.clock().advance(Duration.ofMinutes(30).plusSeconds(1));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").then().statusCode(404);
    }

    @Test
    void protocolVersionHeaderIsValidatedAfterInitialize() {
        String session = initialize(READS, "2025-11-25");
        mcp().header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "1999-01-01")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS)
                .then().statusCode(400).body("error.message", containsString("Unsupported protocol version: 1999-01-01"));
        mcp().header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post(READS).then().statusCode(200);
    }

    @Test
    void batchesAreRefusedWhereTheVersionRemovedThem() {
        String session = initialize(READS, "2025-06-18");
        call(READS, session, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]").then().statusCode(400)
                .body("error.code", equalTo(-32600)).body("error.message", containsString("2025-06-18"));
    }

    @Test
    void batchesWorkUnder20250326() {
        String session = initialize(READS, "2025-03-26");
        call(READS, session, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].id", equalTo(1)).body("[1].error.code", equalTo(-32601));
        call(READS, session, "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]").then().statusCode(202);
    }

    @Test
    void jsonRpcErrorsCarryUsefulMessages() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}").then().statusCode(200)
                .body("error.code", equalTo(-32601)).body("error.message", equalTo("Method not found: resources/list"));
        call(READS, session, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}").then().statusCode(400).body("error.code", equalTo(-32600));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}").then().statusCode(400).body("error.code", equalTo(-32600));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[1]}").then().statusCode(200)
                .body("error.code", equalTo(-32602));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")
                .then().statusCode(400).body("error.code", equalTo(-32600)).body("error.message", containsString("already initialized"));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}").then().statusCode(200)
                .body("error.code", equalTo(-32601));
    }

    @Test
    void toolsListServesEachServersCatalog() {
        List<String> reads = tools(READS);
        assertEquals(List.of("getObjectSchema", "soqlQuery", "find", "getUserInfo", "listRecentSobjectRecords", "getRelatedRecords"), reads);
        assertEquals(11, tools(ALL).size());
        assertEquals(List.of("getObjectSchema", "soqlQuery", "find", "createSobjectRecord", "updateSobjectRecord", "updateRelatedRecord"),
                tools("/platform/mcp/v1/platform/sobject-mutations"));
    }

    @Test
    void toolsCarrySchemasAndAnnotations() {
        String session = initialize(ALL, "2025-11-25");
        call(ALL, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").then().statusCode(200)
                .body("result.tools.find { it.name == 'soqlQuery' }.inputSchema.required", hasItems("q"))
                .body("result.tools.find { it.name == 'soqlQuery' }.annotations.readOnlyHint", equalTo(true))
                .body("result.tools.find { it.name == 'deleteSobjectRecord' }.annotations.destructiveHint", equalTo(true))
                .body("result.tools.find { it.name == 'createSobjectRecord' }.inputSchema.required", hasItems("sobject-name", "body"))
                .body("result.tools.find { it.name == 'getObjectSchema' }.inputSchema.properties.objects.type", equalTo("string"))
                .body("result.tools.find { it.name == 'getRelatedRecords' }.inputSchema.properties.'relationship-path'", notNullValue())
                .body("result.tools.find { it.name == 'getUserInfo' }.title", equalTo("Get User Info"))
                .body("result.nextCursor", nullValue());
    }

    @Test
    void toolTitlesAreLeftOutFor20250326() {
        String session = initialize(READS, "2025-03-26");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").then().statusCode(200)
                .body("result.tools[0].title", nullValue()).body("result.tools[0].description", notNullValue());
    }

    @Test
    void invalidCursorIsInvalidParams() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"!!\"}}")
                .then().statusCode(200).body("error.code", equalTo(-32602));
    }

    @Test
    void unknownToolIsAJsonRpcErrorAndAKnownOneRunsInTheDemoOrg() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"createSobjectRecord\",\"arguments\":{}}}")
                .then().statusCode(200).body("error.code", equalTo(-32602)).body("error.message", equalTo("Unknown tool: createSobjectRecord"));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"soql_query\",\"arguments\":{}}}")
                .then().statusCode(200).body("error.message", equalTo("Unknown tool: soql_query"));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\",\"arguments\":{\"q\":\"SELECT Id FROM Account LIMIT 1\"}}}")
                .then().statusCode(200).body("result.isError", equalTo(false))
                .body("result.content[0].type", equalTo("text"))
                .body("result.structuredContent.totalSize", equalTo(1))
                .body("result.structuredContent.records[0].attributes.type", equalTo("Account"));
    }

    @Test
    void argumentMistakesAreToolErrorsAndAliasesAreAccepted() {
        String session = initialize(READS, "2025-11-25");
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\",\"arguments\":{}}}")
                .then().statusCode(200).body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("Missing required argument 'q'"));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\",\"arguments\":{\"q\":5}}}")
                .then().statusCode(200).body("result.isError", equalTo(true)).body("result.content[0].text", containsString("must be a string"));
        // the alias 'query' satisfies the required 'q'; when both are sent, 'q' wins
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\",\"arguments\":{\"query\":\"SELECT COUNT() FROM Account\"}}}")
                .then().statusCode(200).body("result.isError", equalTo(false)).body("result.structuredContent.records.size()", equalTo(0));
        call(READS, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\",\"arguments\":{\"q\":\"SELECT Id FROM Account LIMIT 2\",\"query\":\"nonsense\"}}}")
                .then().statusCode(200).body("result.isError", equalTo(false)).body("result.structuredContent.totalSize", equalTo(2));
    }

    @Test
    void promptsAreOnlyOnSobjectAll() {
        String reads = initialize(READS, "2025-11-25");
        call(READS, reads, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}").then().body("error.code", equalTo(-32601));
        String all = initialize(ALL, "2025-11-25");
        call(ALL, all, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}").then().statusCode(200).body("result.prompts", notNullValue());
        call(ALL, all, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"nope\"}}").then().body("error.code", equalTo(-32602));
    }

    @Test
    void originIsCheckedAsThe20251125SpecRequires() {
        mcp().header("Origin", "http://evil.example.com").header("Host", "evil.example.com")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(READS).then().statusCode(403).body("error.message", containsString("Origin"));
        mcp().header("Origin", "http://localhost:6274")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(READS).then().statusCode(200);
    }

    @Test
    void pathsThatAreNotLiveEndpointsAnswer404WithTheGatewayBody() {
        for (String path : List.of("/platform/mcp/v1-beta.2/platform/sobject-reads", "/platform/mcp/v1/platform/sobject-nope",
                "/platform/mcp/v1/platform", "/platform/mcp/v1/analytics/tableau-next", "/platform/mcp/v1/custom/NoSuchServer")) {
            mcp().body("{}").post(path).then().statusCode(404).body("errors[0].message", containsString("Not Found"));
        }
        mcp().body("{}").post("/platform/mcp/v1-beta.2/platform/sobject-reads").then().body("errors[0].message", containsString("retired"));
    }

    @Test
    void anInactiveServerAnswers404() {
        mcp().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post("/platform/mcp/v1/platform/sobject-deletes")
                .then().statusCode(404).body("errors[0].message", containsString("not active"));
    }

    static List<String> tools(String path) {
        String session = initialize(path, "2025-11-25");
        return call(path, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").then().statusCode(200)
                .extract().jsonPath().getList("result.tools.name");
    }
}
