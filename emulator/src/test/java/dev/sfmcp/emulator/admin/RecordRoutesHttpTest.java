package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Records written and read as the system to arrange a test, and "who can see this record and why". */
class RecordRoutesHttpTest extends DemoOrgAdminTest {


    @BeforeEach
    void reset() {
        env.reset();
    }

    static String firstId(String soql) {
        return env.http().queryParam("q", soql).get("/_emulator/orgs/acme/query").then().statusCode(200).extract().path("records[0].Id");
    }

    @Test
    void theSystemCreatesReadsUpdatesAndDeletesWhatNoUserCouldAndTheAgentSeesIt() {
        String ownerId = firstId("SELECT Id FROM User WHERE Username = 'rep@acme.example'");
        String id = env.http().body("{\"Name\":\"Arranged Ltd\",\"OwnerId\":\"" + ownerId + "\",\"Industry\":\"Energy\"}")
                .post("/_emulator/orgs/acme/sobjects/Account").then().statusCode(201)
                .body("success", equalTo(true)).body("errors", hasSize(0)).extract().path("id");
        env.http().queryParam("fields", "Name,Industry").get("/_emulator/orgs/acme/sobjects/Account/" + id).then()
                .statusCode(200).body("Name", equalTo("Arranged Ltd")).body("Industry", equalTo("Energy"));

        McpSyncClient rep = env.client(env.token("rep@acme.example"));
        rep.initialize();
        McpSchema.CallToolResult seen = AdminApiFixture.call(rep, "soqlQuery",
                Map.of("q", "SELECT Name FROM Account WHERE Name = 'Arranged Ltd'"));
        assertFalse(Boolean.TRUE.equals(seen.isError()), AdminApiFixture.text(seen));
        assertEquals(1, ((Number) ((Map<?, ?>) seen.structuredContent()).get("totalSize")).intValue(), "the owner sees it");

        env.http().body("{\"Industry\":\"Banking\"}").patch("/_emulator/orgs/acme/sobjects/Account/" + id).then().statusCode(204);
        env.http().queryParam("q", "SELECT Industry FROM Account WHERE Id = '" + id + "'").get("/_emulator/orgs/acme/query")
                .then().statusCode(200).body("totalSize", equalTo(1)).body("records[0].Industry", equalTo("Banking"));

        env.http().delete("/_emulator/orgs/acme/sobjects/Account/" + id).then().statusCode(204);
        env.http().get("/_emulator/orgs/acme/sobjects/Account/" + id).then().statusCode(404)
                .body("[0].errorCode", not(equalTo(null)));
        rep.closeGracefully();
    }

    @Test
    void theSystemSeesEveryRecordWhereAUserSeesTheirShare() {
        int system = env.http().queryParam("q", "SELECT COUNT() FROM Opportunity").get("/_emulator/orgs/acme/query")
                .then().statusCode(200).extract().path("totalSize");
        McpSyncClient rep = env.client(env.token("rep@acme.example"));
        rep.initialize();
        int asRep = UserRoutesHttpTest.visible(rep, Map.of("q", "SELECT Id FROM Opportunity"));
        rep.closeGracefully();
        org.junit.jupiter.api.Assertions.assertTrue(asRep < system, asRep + " of " + system);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /sobjects/Account                     | {\"Industry\":\"Energy\"}      | 400 | REQUIRED_FIELD_MISSING",
            "POST   | /sobjects/Account                     | {\"Nope__c\":1,\"Name\":\"x\"} | 400 | INVALID_FIELD",
            "POST   | /sobjects/Nothing__c                  | {\"Name\":\"x\"}               | 404 | NOT_FOUND",
            "POST   | /sobjects/Account                     | [1,2]                          | 400 | JSON_PARSER_ERROR",
            "POST   | /sobjects/Account                     | {oops                          | 400 | JSON_PARSER_ERROR",
            "PATCH  | /sobjects/Account/001000000000000AAA  | {\"Name\":\"x\"}               | 404 | ",
            "GET    | /sobjects/Account/notAnId             |                                | 400 | ",
            "DELETE | /sobjects/Account/001000000000000AAA  |                                | 404 | ",
            "GET    | /query?q=SELEC Id FROM Account        |                                | 400 | MALFORMED_QUERY",
            "GET    | /query?q=SELECT Nope FROM Account     |                                | 400 | INVALID_FIELD",
            "GET    | /query                                |                                | 400 | MALFORMED_QUERY",
    })
    void theEnginesErrorsComeInTheRestErrorShape(String method, String path, String body, int status, String errorCode) {
        var request = env.http();
        if (body != null) {
            request = request.body(body);
        }
        if (path.contains("?q=")) {
            request = request.queryParam("q", path.substring(path.indexOf("?q=") + 3));
            path = path.substring(0, path.indexOf('?'));
        }
        var response = request.request(method, "/_emulator/orgs/acme" + path).then().statusCode(status)
                .body("[0].message", not(equalTo(null)));
        if (errorCode != null) {
            response.body("[0].errorCode", equalTo(errorCode));
        }
    }

    @Test
    void anUnknownOrgIsTheAdminApisOwn404() {
        env.http().get("/_emulator/orgs/nope/sobjects/Account/001000000000000AAA").then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void whoCanSeeARecordListsEveryActiveUserWithTheirAccessAndWhy() {
        String id = firstId("SELECT Id FROM Account WHERE Owner.Username = 'rep@acme.example' LIMIT 1");
        env.http().get("/_emulator/orgs/acme/sobjects/Account/" + id + "/access").then().statusCode(200)
                .body("recordId", equalTo(id))
                .body("users", hasSize(5))
                .body("users.find { it.username == 'rep@acme.example' }.access", equalTo("ALL"))
                .body("users.find { it.username == 'rep@acme.example' }.why.read.reason", hasItem("OWNER"))
                .body("users.find { it.username == 'manager@acme.example' }.why.read.reason", hasItem("ROLE_HIERARCHY"))
                .body("users.find { it.username == 'admin@acme.example' }.why.read.reason", hasItem("MODIFY_ALL_DATA"))
                .body("users.find { it.username == 'readonly@acme.example' }.access", equalTo("READ"))
                .body("users.find { it.username == 'readonly@acme.example' }.why.read.reason", hasItem("SHARING_RULE"));

        // the answer for one user agrees with what that user's own query finds
        McpSyncClient rep2 = env.client(env.token("rep2@acme.example"));
        rep2.initialize();
        int found = UserRoutesHttpTest.visible(rep2, Map.of("q", "SELECT Id FROM Account WHERE Id = '" + id + "'"));
        rep2.closeGracefully();
        String access = env.http().queryParam("user", "rep2@acme.example").get("/_emulator/orgs/acme/sobjects/Account/" + id + "/access")
                .then().statusCode(200).body("username", equalTo("rep2@acme.example")).body("objectReadable", equalTo(true))
                .extract().path("access");
        assertEquals(found == 1, !"NONE".equals(access), "rep2 finds " + found + " and the explainer says " + access);

        String hidden = firstId("SELECT Id FROM Opportunity WHERE Owner.Username = 'rep@acme.example' AND Account.Owner.Username = 'rep@acme.example' LIMIT 1");
        env.http().queryParam("user", "rep2@acme.example").get("/_emulator/orgs/acme/sobjects/Opportunity/" + hidden + "/access")
                .then().statusCode(200).body("access", equalTo("NONE")).body("why.read", hasSize(0));
    }

    @Test
    void aDeactivatedUserDropsOffTheList() {
        String id = firstId("SELECT Id FROM Account LIMIT 1");
        env.http().body("{\"active\":false}").patch("/_emulator/orgs/acme/users/rep2@acme.example").then().statusCode(200);
        env.http().get("/_emulator/orgs/acme/sobjects/Account/" + id + "/access").then().statusCode(200)
                .body("users", hasSize(4)).body("users.username", not(hasItem("rep2@acme.example")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/_emulator/orgs/acme/sobjects/Account/001000000000000AAA/access                        | 404",
            "/_emulator/orgs/acme/sobjects/Nothing__c/001000000000000AAA/access                     | 404",
            "/_emulator/orgs/acme/sobjects/Account/{real}/access?user=ghost@acme.example            | 404",
    })
    void whoCanSeeRefusesWhatDoesNotExist(String path, int status) {
        String real = firstId("SELECT Id FROM Account LIMIT 1");
        env.http().get(path.replace("{real}", real)).then().statusCode(status);
    }

    @Test
    void systemQueriesReachSetupObjects() {
        env.http().queryParam("q", "SELECT Username FROM User ORDER BY Username").get("/_emulator/orgs/acme/query").then()
                .statusCode(200).body("totalSize", equalTo(5)).body("records.Username", everyItem(containsString("@acme.example")))
                .body("records", hasSize(greaterThan(0)));
    }
}
