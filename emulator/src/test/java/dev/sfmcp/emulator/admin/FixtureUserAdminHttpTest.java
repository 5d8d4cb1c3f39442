package dev.sfmcp.emulator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.oauth.OAuthTestClient;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PATCH /_emulator/orgs/{org}/users/{username} on the demo org's fixture-loaded users, seen by the gateway. */
class FixtureUserAdminHttpTest {

    static final String READS = "/platform/mcp/v1/platform/sobject-reads";
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static RequestSpecification http() {
        return given().baseUri(emulator.localBaseUrl()).contentType("application/json");
    }

    static int initialize(String token) {
        return http().accept("application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(READS).statusCode();
    }

    @Test
    void deactivatingADemoUserLocksTheirTokenOutAndReactivatingLetsThemBackIn() {
        String token = new OAuthTestClient(emulator).accessToken("/login", "sfmcp-demo-client", "rep2@acme.example");
        org.junit.jupiter.api.Assertions.assertEquals(200, initialize(token));
        http().body("{\"active\":false}").patch("/_emulator/orgs/acme/users/rep2@acme.example").then().statusCode(200)
                .body("active", equalTo(false));
        org.junit.jupiter.api.Assertions.assertEquals(401, initialize(token), "an inactive user's token is refused at the gateway");
        http().body("{\"active\":true}").patch("/_emulator/orgs/acme/users/rep2@acme.example").then().statusCode(200)
                .body("active", equalTo(true));
        org.junit.jupiter.api.Assertions.assertEquals(200, initialize(token));
    }

    @Test
    void apiEnabledOfAFixtureUserComesFromItsPermissionsAndBadInputIsExplained() {
        http().body("{\"apiEnabled\":false}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(409)
                .body("message", containsString("profile and permission sets"));
        http().body("{\"active\":\"no\"}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(400);
        http().body("{\"active\":false}").patch("/_emulator/orgs/acme/users/nobody@acme.example").then().statusCode(404);
    }
}
