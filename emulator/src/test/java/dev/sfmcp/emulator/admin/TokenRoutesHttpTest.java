package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setup's OAuth Usage through the admin API: tokens by id, never by value, and revocation a real client feels. */
class TokenRoutesHttpTest extends DemoOrgAdminTest {


    @BeforeEach
    void revokeEverything() {
        for (String user : List.of("rep@acme.example", "rep2@acme.example", "manager@acme.example")) {
            env.http().queryParam("user", user).delete("/_emulator/orgs/acme/oauth/tokens").then().statusCode(200);
        }
    }

    static JsonPath tokens(String query) {
        return env.http().get("/_emulator/orgs/acme/oauth/tokens" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsAccessAndRefreshTokensByAppAndUserWithoutTheirValues() {
        String access = env.token("rep@acme.example");
        env.token("manager@acme.example");
        String listed = env.http().get("/_emulator/orgs/acme/oauth/tokens").then().statusCode(200)
                .body("tokens.user", hasItems("rep@acme.example", "manager@acme.example"))
                .body("tokens.kind", hasItems("access", "refresh"))
                .body("tokens.app", everyItem(equalTo("sfmcp-demo-client")))
                .body("tokens.appName", everyItem(equalTo("sfmcp demo client")))
                .body("tokens.find { it.kind == 'access' }.scopes", hasItems("mcp_api", "refresh_token"))
                .body("tokens.find { it.kind == 'access' }.id", startsWith("at-"))
                .body("tokens.find { it.kind == 'refresh' }.id", startsWith("rt-"))
                .body("tokens.find { it.kind == 'refresh' }.expires", equalTo(null))
                .extract().asString();
        assertFalse(listed.contains(access), "a token's value never leaves the emulator through the admin API");
        tokens("?user=REP@acme.example").getList("tokens.user").forEach(u -> assertTrue(u.equals("rep@acme.example")));
        assertTrue(tokens("?app=other-app").getList("tokens").isEmpty());
        JsonPath repOnly = tokens("?user=rep@acme.example&app=sfmcp-demo-client");
        assertTrue(repOnly.getInt("count") == 2, repOnly.prettify());
    }

    @Test
    void lastUsedMovesWhenTheClientCallsAndTheClockHasMoved() {
        String token = env.token("rep@acme.example");
        String issued = tokens("?user=rep@acme.example").getString("tokens.find { it.kind == 'access' }.issued");
        env.http().body("{\"seconds\":90}").post("/_emulator/clock/advance").then().statusCode(200);
        McpSyncClient client = env.client(token);
        client.initialize();
        client.closeGracefully();
        JsonPath after = tokens("?user=rep@acme.example");
        String lastUsed = after.getString("tokens.find { it.kind == 'access' }.lastUsed");
        assertTrue(lastUsed.compareTo(issued) > 0, issued + " then " + lastUsed);
    }

    @Test
    void revokingOneAccessTokenLocksOutARealClientAndLeavesTheOthers() {
        String first = env.token("rep@acme.example");
        env.http().body("{\"seconds\":1}").post("/_emulator/clock/advance").then().statusCode(200); // newest first, no ties
        String second = env.token("rep@acme.example");
        McpSyncClient client = env.client(first);
        client.initialize();
        String firstId = tokens("?user=rep@acme.example").getList("tokens.findAll { it.kind == 'access' }.id", String.class).get(1);
        env.http().delete("/_emulator/orgs/acme/oauth/tokens/" + firstId).then().statusCode(204);

        RuntimeException refused = assertThrows(RuntimeException.class, client::listTools);
        assertTrue(UserRoutesHttpTest.causes(refused).contains("McpHttpClientTransportAuthorizationException"),
                UserRoutesHttpTest.causes(refused));
        AdminApiFixture.assertGatewayRefuses(env, first);
        McpSyncClient other = env.client(second);
        other.initialize();
        other.closeGracefully();
        tokens("?user=rep@acme.example").getList("tokens.id").forEach(id -> assertFalse(id.equals(firstId)));

        env.http().delete("/_emulator/orgs/acme/oauth/tokens/" + firstId).then().statusCode(404).body("error", equalTo("not_found"));
        env.http().delete("/_emulator/orgs/acme/oauth/tokens/at-nothing").then().statusCode(404);
        env.http().delete("/_emulator/orgs/acme/oauth/tokens/whatever").then().statusCode(404);
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokensAndRefreshFails() {
        var oauth = new dev.sfmcp.emulator.oauth.OAuthTestClient(env.emulator);
        var issued = oauth.tokenResponse("/login", "sfmcp-demo-client", "rep2@acme.example");
        String access = issued.jsonPath().getString("access_token");
        String refreshId = tokens("?user=rep2@acme.example").getString("tokens.find { it.kind == 'refresh' }.id");
        env.http().delete("/_emulator/orgs/acme/oauth/tokens/" + refreshId).then().statusCode(204);
        AdminApiFixture.assertGatewayRefuses(env, access);
        env.http().get("/_emulator/orgs/acme/oauth/tokens?user=rep2@acme.example").then().body("tokens", hasSize(0));
        oauth.refreshGrant("/login", "sfmcp-demo-client", issued.jsonPath().getString("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void revokingAllOfAnAppOrAUserIsLikeSetupsRevokeButton() {
        String rep = env.token("rep@acme.example");
        String manager = env.token("manager@acme.example");
        env.http().queryParam("user", "rep@acme.example").delete("/_emulator/orgs/acme/oauth/tokens").then().statusCode(200)
                .body("revokedGrants", equalTo(1));
        AdminApiFixture.assertGatewayRefuses(env, rep);
        McpSyncClient still = env.client(manager);
        still.initialize();
        still.closeGracefully();
        tokens("").getList("tokens.user").forEach(u -> assertFalse(u.equals("rep@acme.example")));

        env.http().queryParam("app", "sfmcp-demo-client").delete("/_emulator/orgs/acme/oauth/tokens").then().statusCode(200)
                .body("revokedGrants", equalTo(1));
        AdminApiFixture.assertGatewayRefuses(env, manager);
        env.http().get("/_emulator/orgs/acme/oauth/tokens").then().body("tokens", hasSize(0)).body("count", equalTo(0));
    }

    @Test
    void revokeAllNeedsAnAppOrAUserAndTheOrgMustExist() {
        env.http().delete("/_emulator/orgs/acme/oauth/tokens").then().statusCode(400).body("message", containsString("?app="));
        env.http().get("/_emulator/orgs/nope/oauth/tokens").then().statusCode(404);
        env.http().queryParam("user", "rep@acme.example").delete("/_emulator/orgs/acme/oauth/tokens").then().statusCode(200)
                .body("revokedGrants", equalTo(0));
        env.http().get("/_emulator/orgs/acme/oauth/tokens").then().body("tokens.user", not(hasItem("rep@acme.example")));
    }
}
