package dev.sfmcp.emulator.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without --no-auth, the gateway answers 401 before anything MCP-specific, for any path under /platform/mcp/. */
class GatewayAuthHttpTest {

    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void noTokenGets401WithTheGatewayBodyAndAChallenge() {
        given().baseUri(emulator.localBaseUrl()).contentType("application/json").header("Host", "mcp.example.test:9999")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post("/platform/mcp/v1/platform/sobject-reads")
                .then().statusCode(401)
                .body("errors[0].message", equalTo("JWT Token is required"))
                .header("WWW-Authenticate", equalTo("Bearer resource_metadata=\"http://mcp.example.test:9999/.well-known/"
                        + "oauth-protected-resource/platform/mcp/v1/platform/sobject-reads\", scope=\"mcp_api refresh_token\""));
    }

    @Test
    void anyPathUnderTheGatewayAsks401First() {
        given().baseUri(emulator.localBaseUrl()).body("x").post("/platform/mcp/v1/platform/no-such-server")
                .then().statusCode(401).body("errors[0].message", equalTo("JWT Token is required"));
        given().baseUri(emulator.localBaseUrl()).get("/platform/mcp/v1-beta.2/sobject-all").then().statusCode(401);
    }

    @Test
    void aTokenTheGatewayCannotVerifyIsRefusedWithInvalidToken() {
        given().baseUri(emulator.localBaseUrl()).header("Authorization", "Bearer 00D000000000001!AQ4AQ")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "emu.example.test")
                .post("/platform/mcp/v1/platform/sobject-all")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\", resource_metadata=\"https://emu.example.test/"));
    }

    @Test
    void healthStaysOpen() {
        given().baseUri(emulator.localBaseUrl()).get("/_emulator/health").then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
