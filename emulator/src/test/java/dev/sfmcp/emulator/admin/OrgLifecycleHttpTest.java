package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.oauth.OAuthTestClient;
import dev.sfmcp.fixtures.org.OrgLoader;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orgs loaded, exported and deleted while the emulator runs, and the servers list with pending activation. */
class OrgLifecycleHttpTest extends DemoOrgAdminTest {

    static final String GLOBEX = OrgLoader.resourceText("/dev/sfmcp/emulator/admin/globex.yaml");

    static io.restassured.specification.RequestSpecification yaml(String text) {
        return env.http().contentType("application/yaml").body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @AfterEach
    void dropGlobex() {
        env.http().post("/_emulator/clock/unfreeze");
        env.http().delete("/_emulator/orgs/globex");
        env.http().body("{\"serverActivationSeconds\":0}").put("/_emulator/orgs/acme/delays");
        env.reset();
    }

    @Test
    void aLoadedOrgAnswersAtOnceOnItsLoginHostTokensAndMcpUrls() {
        yaml(GLOBEX).post("/_emulator/orgs").then().statusCode(201)
                .header("Location", "/_emulator/orgs/globex")
                .body("myDomain", equalTo("globex")).body("id", equalTo("00DGx0000000GlxMAE"))
                .body("users", hasItems("boss@globex.example", "clerk@globex.example")).body("apps", hasItem("globex-client"));
        env.http().get("/_emulator/orgs").then().body("myDomain", hasItems("acme", "globex"));
        env.http().get("/d/globex/.well-known/openid-configuration").then().statusCode(200);

        String token = new OAuthTestClient(env.emulator).accessToken("/d/globex", "globex-client", "clerk@globex.example");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(env.emulator.localBaseUrl())
                        .endpoint("/platform/mcp/v1/d/globex/platform/sobject-reads")
                        .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                        .build()).requestTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        int visible = UserRoutesHttpTest.visible(client, Map.of("q", "SELECT Name FROM Account"));
        assertEquals(1, visible, "the clerk sees their own plant only");
        client.closeGracefully();

        env.http().delete("/_emulator/orgs/globex").then().statusCode(204);
        env.http().get("/_emulator/orgs/globex").then().statusCode(404);
        env.http().get("/d/globex/.well-known/openid-configuration").then().statusCode(404);
        env.http().accept("application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post("/platform/mcp/v1/d/globex/platform/sobject-reads")
                .then().statusCode(401);
        env.http().delete("/_emulator/orgs/globex").then().statusCode(404);

        // loaded again, with the same Ids: the old token stays dead
        yaml(GLOBEX).post("/_emulator/orgs").then().statusCode(201);
        env.http().accept("application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").post("/platform/mcp/v1/d/globex/platform/sobject-reads")
                .then().statusCode(401);
    }

    @Test
    void aJsonBodyAPathInTheQueryOrAPathInTheBodyLoadToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("globex.yaml");
        Files.writeString(file, GLOBEX);
        env.http().queryParam("path", file.toString()).post("/_emulator/orgs").then().statusCode(201).body("myDomain", equalTo("globex"));
        env.http().delete("/_emulator/orgs/globex").then().statusCode(204);
        env.http().body(Map.of("path", file.toString())).post("/_emulator/orgs").then().statusCode(201);
        String json = env.http().queryParam("format", "json").get("/_emulator/orgs/globex/export").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        env.http().delete("/_emulator/orgs/globex").then().statusCode(204);
        env.http().body(json).post("/_emulator/orgs").then().statusCode(201).body("myDomain", equalTo("globex"));
    }

    @Test
    void anExportHoldsTodaysRecordsAndLoadsBackAsAnEqualOrg() {
        yaml(GLOBEX).post("/_emulator/orgs").then().statusCode(201);
        env.http().body("{\"Name\":\"Globex Annex\"}").post("/_emulator/orgs/globex/sobjects/Account").then().statusCode(201);
        String yaml = env.http().get("/_emulator/orgs/globex/export").then().statusCode(200)
                .header("Content-Disposition", containsString("globex.yaml")).extract().asString();
        assertTrue(yaml.contains("Globex Annex") && yaml.contains("Globex HQ"), yaml);

        env.http().delete("/_emulator/orgs/globex").then().statusCode(204);
        yaml(yaml).post("/_emulator/orgs").then().statusCode(201);
        env.http().queryParam("q", "SELECT Name FROM Account ORDER BY Name").get("/_emulator/orgs/globex/query").then()
                .statusCode(200).body("records.Name", equalTo(java.util.List.of("Globex Annex", "Globex HQ", "Globex Plant 1")));
    }

    @Test
    void fixtureMistakesAnswer400WithFileLineAndColumn() {
        String broken = GLOBEX.replace("profile: Standard User", "profile: Sysadmin");
        yaml(broken).queryParam("name", "globex.yaml").post("/_emulator/orgs").then()
                .statusCode(400).body("error", equalTo("bad_request"))
                .body("file", equalTo("globex.yaml")).body("line", equalTo(19)).body("column", org.hamcrest.Matchers.greaterThan(1))
                .body("problem", containsString("Sysadmin")).body("message", containsString("globex.yaml:19:"));
        env.http().get("/_emulator/orgs/globex").then().statusCode(404);
        env.http().contentType("application/json").body("{\"formatVersion\": 1, \"org\": ").post("/_emulator/orgs").then().statusCode(400)
                .body("file", equalTo("request.json"));
        yaml("").post("/_emulator/orgs").then().statusCode(400)
                .body("problem", containsString("empty"));
    }

    @Test
    void anOrgWhoseIdOrMyDomainIsTakenIsAConflictAndMissingFilesAreNotFound() {
        yaml(GLOBEX).post("/_emulator/orgs").then().statusCode(201);
        yaml(GLOBEX).post("/_emulator/orgs").then().statusCode(409)
                .body("error", equalTo("conflict"));
        String acmeDomain = GLOBEX.replace("id: 00DGx0000000GlxMAE", "id: 00DGx0000000GlyMAE").replace("myDomain: globex", "myDomain: acme")
                .replace("globex.example", "globex2.example");
        yaml(acmeDomain).post("/_emulator/orgs").then().statusCode(409);
        env.http().queryParam("path", "/no/such/file.yaml").post("/_emulator/orgs").then().statusCode(404);
        env.http().queryParam("format", "xml").get("/_emulator/orgs/acme/export").then().statusCode(400)
                .body("message", containsString("yaml or json"));
        env.http().get("/_emulator/orgs/nope/export").then().statusCode(404);
    }

    @Test
    void serversListEveryStandardServerWithPendingActivationOnTheClock() {
        env.http().post("/_emulator/clock/freeze").then().statusCode(200);
        env.http().body("{\"serverActivationSeconds\":120}").put("/_emulator/orgs/acme/delays").then().statusCode(200);
        env.http().post("/_emulator/orgs/acme/servers/platform/sobject-deletes/deactivate").then().statusCode(200);
        env.http().get("/_emulator/orgs/acme/servers").then().statusCode(200)
                .body("servers", hasSize(4)).body("activationDelaySeconds", equalTo(120))
                .body("servers.find { it.server == 'platform/sobject-deletes' }.state", equalTo("INACTIVE"))
                .body("servers.find { it.server == 'platform/sobject-deletes' }.activeFrom", nullValue())
                .body("servers.find { it.server == 'platform/sobject-all' }.state", equalTo("ACTIVE"));
        String now = env.http().post("/_emulator/orgs/acme/servers/platform/sobject-deletes/activate").then().statusCode(200)
                .body("state", equalTo("PENDING_ACTIVATION")).extract().path("now");
        String activeFrom = env.http().get("/_emulator/orgs/acme/servers").then()
                .body("servers.find { it.server == 'platform/sobject-deletes' }.state", equalTo("PENDING_ACTIVATION"))
                .extract().path("servers.find { it.server == 'platform/sobject-deletes' }.activeFrom");
        assertEquals(java.time.Instant.parse(now).plusSeconds(120), java.time.Instant.parse(activeFrom));
        env.http().body("{\"seconds\":121}").post("/_emulator/clock/advance").then().statusCode(200);
        env.http().get("/_emulator/orgs/acme/servers").then()
                .body("servers.find { it.server == 'platform/sobject-deletes' }.state", equalTo("ACTIVE"));
        env.http().get("/_emulator/orgs/nope/servers").then().statusCode(404);
        env.http().get("/_emulator/orgs/acme/servers").then().body("servers.server", not(hasItem("custom/x")));
    }
}
