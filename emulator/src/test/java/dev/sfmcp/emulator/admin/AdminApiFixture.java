package dev.sfmcp.emulator.admin;

import static io.restassured.RestAssured.given;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;

/** A running demo-org emulator for admin API tests, with the real OAuth flow and a real MCP client at hand. */
final class AdminApiFixture implements AutoCloseable {

    static final String ALL = "/platform/mcp/v1/platform/sobject-all";

    final Emulator emulator;

    AdminApiFixture(String... options) {
        EmulatorConfig config = EmulatorConfig.defaults().with(Option.PORT, "0");
        for (int i = 0; i + 1 < options.length; i += 2) {
            config = config.with(Option.valueOf(options[i]), options[i + 1]);
        }
        emulator = new Emulator(config).start();
    }

    RequestSpecification http() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json");
    }

    /** An access token of the demo client for the user, through the login form. */
    String token(String username) {
        return new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", username);
    }

    /** A real MCP Java SDK client sending the token. */
    McpSyncClient client(String token) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(emulator.localBaseUrl()).endpoint(ALL)
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + token)).build())
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    /** A tools/call through the client. */
    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** The text of a tool result. */
    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** The real gateway's answer to a token it no longer accepts: 401, its JSON body and the RFC 9728 challenge. */
    static void assertGatewayRefuses(AdminApiFixture env, String token) {
        env.http().accept("application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(ALL).then().statusCode(401)
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("JWT Token is required"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("resource_metadata="));
    }

    void reset() {
        http().post("/_emulator/reset").then().statusCode(200);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
