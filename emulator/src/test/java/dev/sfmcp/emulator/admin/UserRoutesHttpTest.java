package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Users as Setup administers them, through the admin API, seen by logins, the gateway and tool calls. */
class UserRoutesHttpTest extends DemoOrgAdminTest {


    @BeforeEach
    void reset() {
        env.reset();
    }

    @Test
    void listsEveryUserWithProfileRolePermissionSetsAndState() {
        env.http().get("/_emulator/orgs/acme/users").then().statusCode(200)
                .body("users", hasSize(5))
                .body("users.find { it.username == 'manager@acme.example' }.profile", equalTo("Standard User"))
                .body("users.find { it.username == 'manager@acme.example' }.role", equalTo("Sales Manager"))
                .body("users.find { it.username == 'manager@acme.example' }.permissionSets", hasItem("Project_Administrator"))
                .body("users.find { it.username == 'readonly@acme.example' }.role", nullValue())
                .body("users.find { it.username == 'rep@acme.example' }.active", equalTo(true))
                .body("users.find { it.username == 'rep@acme.example' }.apiEnabled", equalTo(true));
        env.http().get("/_emulator/orgs/acme/users/REP@acme.example").then().statusCode(200)
                .body("username", equalTo("rep@acme.example")).body("name", equalTo("Riley Rep"));
        env.http().get("/_emulator/orgs/acme/users/nobody@acme.example").then().statusCode(404).body("error", equalTo("not_found"));
        env.http().get("/_emulator/orgs/nope/users").then().statusCode(404);
    }

    @Test
    void logInAsIssuesTheTokenResponseOfARealLoginWithTheLoginsRefusals() {
        String token = env.http().body("{\"clientId\":\"sfmcp-demo-client\"}")
                .post("/_emulator/orgs/acme/users/manager@acme.example/tokens").then().statusCode(201)
                .body("token_type", equalTo("Bearer")).body("token_format", equalTo("jwt"))
                .body("scope", containsString("mcp_api")).body("instance_url", containsString("/d/acme"))
                .extract().path("access_token");
        try (McpSyncClient client = env.client(token)) {
            client.initialize();
            assertTrue(AdminApiFixture.text(AdminApiFixture.call(client, "getUserInfo", Map.of())).contains("manager@acme.example"));
        }
        env.http().get("/_emulator/orgs/acme/oauth/tokens?user=manager@acme.example").then().statusCode(200)
                .body("tokens.app", hasItem("sfmcp-demo-client"));
        // one app in the org: the body may be left out
        env.http().body("").post("/_emulator/orgs/acme/users/rep@acme.example/tokens").then().statusCode(201);

        env.http().body("{\"active\":false}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(200);
        env.http().body("{}").post("/_emulator/orgs/acme/users/rep@acme.example/tokens").then().statusCode(400)
                .body("message", containsString("inactive_user"));
        env.http().body("{\"clientId\":\"no-such-app\"}").post("/_emulator/orgs/acme/users/manager@acme.example/tokens")
                .then().statusCode(400).body("message", containsString("invalid_client_id"));
        env.http().body("{}").post("/_emulator/orgs/acme/users/nobody@acme.example/tokens").then().statusCode(404);
    }

    @Test
    void aCreatedUserLogsInCallsToolsAndIsARecordUntilTheReset() {
        env.http().body("{\"username\":\"New.Hire@acme.example\",\"firstName\":\"Nia\",\"lastName\":\"Hire\","
                        + "\"profile\":\"Standard User\",\"role\":\"Sales Rep\",\"permissionSets\":[\"Project_Administrator\"]}")
                .post("/_emulator/orgs/acme/users").then().statusCode(201)
                .header("Location", "/_emulator/orgs/acme/users/new.hire@acme.example")
                .body("username", equalTo("new.hire@acme.example")).body("id", org.hamcrest.Matchers.startsWith("005"))
                .body("role", equalTo("Sales Rep")).body("permissionSets", hasItem("Project_Administrator"))
                .body("active", equalTo(true)).body("apiEnabled", equalTo(true));

        McpSyncClient client = env.client(env.token("new.hire@acme.example"));
        client.initialize();
        McpSchema.CallToolResult me = AdminApiFixture.call(client, "soqlQuery",
                Map.of("q", "SELECT Username, UserRole.Name FROM User WHERE Username = 'new.hire@acme.example'"));
        assertFalse(Boolean.TRUE.equals(me.isError()), AdminApiFixture.text(me));
        assertTrue(AdminApiFixture.text(me).contains("\"totalSize\":1") && AdminApiFixture.text(me).contains("Sales Rep"),
                AdminApiFixture.text(me));
        client.closeGracefully();

        env.reset();
        env.http().get("/_emulator/orgs/acme/users/new.hire@acme.example").then().statusCode(404);
        env.http().get("/_emulator/orgs/acme/users").then().body("users.username", not(hasItem("new.hire@acme.example")));
        assertTrue(env.emulator.orgs().byMyDomain("acme").orElseThrow().user("new.hire@acme.example").isEmpty(),
                "the login directory follows the reset, so the next login is an ordinary failed login");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duplicate username  | {\"username\":\"rep@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\"}      | 409 | Duplicate Username",
            "not an email        | {\"username\":\"not-an-email\",\"lastName\":\"X\",\"profile\":\"Standard User\"}          | 400 | form of an email address",
            "no last name        | {\"username\":\"a@acme.example\",\"profile\":\"Standard User\"}                          | 400 | Last Name",
            "no profile          | {\"username\":\"a@acme.example\",\"lastName\":\"X\"}                                     | 400 | Profile",
            "unknown profile     | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Chief\"}               | 404 | no profile named 'Chief'",
            "unknown role        | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\",\"role\":\"Pope\"} | 404 | no role named 'Pope'",
            "unknown set         | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\",\"permissionSets\":[\"Nope\"]} | 404 | no permission set named 'Nope'",
            "sets not an array   | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\",\"permissionSets\":\"Nope\"} | 400 | must be an array",
            "unknown field       | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\",\"shoeSize\":9} | 400 | unknown user field 'shoeSize'",
            "bad time zone       | {\"username\":\"a@acme.example\",\"lastName\":\"X\",\"profile\":\"Standard User\",\"timeZone\":\"Mars/Base\"} | 400 | Time Zone",
            "not json            | {nope                                                                                     | 400 | not valid JSON",
    })
    void creationRefusalsSayWhatIsWrong(String name, String body, int status, String message) {
        env.http().body(body).post("/_emulator/orgs/acme/users").then().statusCode(status).body("message", containsString(message));
    }

    @Test
    void deactivatingAUserTurnsTheirTokenIntoTheGateways401ForARealClient() {
        String token = env.token("rep2@acme.example");
        McpSyncClient before = env.client(token);
        before.initialize();
        before.closeGracefully();
        env.http().body("{\"isActive\":false}").patch("/_emulator/orgs/acme/users/rep2@acme.example").then().statusCode(200)
                .body("active", equalTo(false));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> env.client(token).initialize());
        assertTrue(causes(refused).contains("McpHttpClientTransportAuthorizationException"), causes(refused));
        AdminApiFixture.assertGatewayRefuses(env, token);
        env.http().get("/_emulator/orgs/acme/users").then()
                .body("users.find { it.username == 'rep2@acme.example' }.active", equalTo(false));
    }

    static String causes(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return out.toString();
    }

    @Test
    void aPermissionSetAssignmentReachesTheNextToolCall() {
        McpSyncClient rep = env.client(env.token("rep@acme.example"));
        rep.initialize();
        Map<String, Object> projects = Map.of("q", "SELECT Id FROM Project__c");
        int all = env.http().queryParam("q", "SELECT Id FROM Project__c").get("/_emulator/orgs/acme/query").then().statusCode(200)
                .extract().path("totalSize");
        int without = visible(rep, projects);
        assertTrue(without < all, "a rep sees only the projects shared with them: " + without + " of " + all);

        env.http().post("/_emulator/orgs/acme/users/rep@acme.example/permission-sets/Project_Administrator").then().statusCode(200)
                .body("permissionSets", hasItem("Project_Administrator"));
        assertEquals(all, visible(rep, projects), "View All on Project__c through the permission set");

        env.http().delete("/_emulator/orgs/acme/users/rep@acme.example/permission-sets/Project_Administrator").then().statusCode(200)
                .body("permissionSets", not(hasItem("Project_Administrator")));
        assertEquals(without, visible(rep, projects), "unassigned again");
        rep.closeGracefully();

        env.http().delete("/_emulator/orgs/acme/users/rep@acme.example/permission-sets/Project_Administrator").then().statusCode(404)
                .body("message", containsString("is not assigned"));
        env.http().post("/_emulator/orgs/acme/users/rep@acme.example/permission-sets/Nope").then().statusCode(404);
        env.http().post("/_emulator/orgs/acme/users/ghost@acme.example/permission-sets/Project_Administrator").then().statusCode(404);
    }

    static int visible(McpSyncClient client, Map<String, Object> query) {
        McpSchema.CallToolResult result = AdminApiFixture.call(client, "soqlQuery", query);
        assertFalse(Boolean.TRUE.equals(result.isError()), AdminApiFixture.text(result));
        return ((Number) ((Map<?, ?>) result.structuredContent()).get("totalSize")).intValue();
    }

    @Test
    void aRoleChangeMovesTheUserInTheHierarchyForSharing() {
        String anAccountOfRep2 = env.http().queryParam("q", "SELECT Id FROM Account WHERE Owner.Username = 'rep2@acme.example' LIMIT 1")
                .get("/_emulator/orgs/acme/query").then().statusCode(200).extract().path("records[0].Id");
        String path = "/_emulator/orgs/acme/sobjects/Account/" + anAccountOfRep2 + "/access?user=rep@acme.example";
        String before = env.http().get(path).then().statusCode(200).extract().path("access");
        assertEquals("NONE", before, "reps do not see each other's private accounts");

        env.http().body("{\"roleName\":\"Sales Manager\"}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(200)
                .body("role", equalTo("Sales Manager"));
        env.http().get(path).then().statusCode(200).body("access", not(equalTo("NONE")))
                .body("why.read.reason", hasItems("ROLE_HIERARCHY"));
        env.http().queryParam("q", "SELECT UserRole.Name FROM User WHERE Username = 'rep@acme.example'")
                .get("/_emulator/orgs/acme/query").then().body("records[0].UserRole.Name", equalTo("Sales Manager"));

        env.http().body("{\"roleName\":null}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(200)
                .body("role", nullValue());
        env.http().body("{\"roleName\":\"Pope\"}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(404);
        env.http().body("{\"roleName\":7}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(400);
        env.http().body("{\"shoeSize\":7}").patch("/_emulator/orgs/acme/users/rep@acme.example").then().statusCode(400);
    }
}
