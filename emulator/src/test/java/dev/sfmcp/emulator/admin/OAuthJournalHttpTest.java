package dev.sfmcp.emulator.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth requests in the request journal, filterable and countable like MCP ones, without any secret. */
class OAuthJournalHttpTest extends DemoOrgAdminTest {


    @BeforeEach
    void clear() {
        env.http().delete("/_emulator/journal").then().statusCode(204);
    }

    @Test
    void aLoginIsJournaledStepByStepWithItsUserClientAndGrantType() {
        env.token("rep@acme.example");
        env.http().queryParam("kind", "oauth").get("/_emulator/journal").then().statusCode(200)
                .body("entries.kind", everyItem(equalTo("OAUTH")))
                .body("entries.endpoint", hasItems("authorize", "login", "token"))
                .body("entries.clientId", everyItem(equalTo("sfmcp-demo-client")))
                .body("entries.find { it.endpoint == 'login' }.username", equalTo("rep@acme.example"))
                .body("entries.findAll { it.endpoint == 'login' || it.endpoint == 'approve' }.status", hasItem(302))
                .body("entries.find { it.endpoint == 'token' }.grantType", equalTo("authorization_code"))
                .body("entries.find { it.endpoint == 'token' }.username", equalTo("rep@acme.example"))
                .body("entries.find { it.endpoint == 'token' }.orgId", equalTo("00DAc0000000DemMAE"))
                .body("entries.find { it.endpoint == 'token' }.status", equalTo(200))
                .body("entries.find { it.endpoint == 'token' }.isError", equalTo(false))
                .body("entries.find { it.endpoint == 'token' }.durationMicros", greaterThanOrEqualTo(0))
                .body("entries.find { it.endpoint == 'token' }.result", nullValue());
        env.http().body("{\"kind\":\"oauth\",\"endpoint\":\"token\",\"grant_type\":\"authorization_code\",\"user\":\"rep@acme.example\",\"exactly\":1}")
                .post("/_emulator/journal/verify").then().statusCode(200).body("ok", equalTo(true));
        env.http().queryParam("kind", "OAUTH").queryParam("endpoint", "login").get("/_emulator/journal/count").then()
                .body("count", equalTo(1));
        env.http().queryParam("kind", "mcp").get("/_emulator/journal").then().body("entries", hasSize(0));
    }

    @Test
    void refusalsCarryTheOAuthErrorCodeFromTheBodyOrTheRedirect() {
        env.http().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", "nope", "client_id", "sfmcp-demo-client",
                        "redirect_uri", "http://localhost:8765/callback", "code_verifier", "v".repeat(43)))
                .post("/login/services/oauth2/token").then().statusCode(400);
        env.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("grant_type", "password"))
                .post("/login/services/oauth2/token").then().statusCode(400);
        env.http().queryParams(Map.of("response_type", "token", "client_id", "sfmcp-demo-client",
                "redirect_uri", "http://localhost:8765/callback")).redirects().follow(false)
                .get("/login/services/oauth2/authorize");
        env.http().queryParam("kind", "oauth").queryParam("isError", "true").get("/_emulator/journal").then()
                .body("entries.errorCode", hasItems("invalid_grant", "unsupported_grant_type"))
                .body("entries.find { it.errorCode == 'invalid_grant' }.grantType", equalTo("authorization_code"))
                .body("entries.find { it.errorCode == 'invalid_grant' }.status", equalTo(400));
        env.http().queryParam("kind", "oauth").queryParam("endpoint", "authorize").get("/_emulator/journal").then()
                .body("entries", hasSize(1)).body("entries[0].errorCode", org.hamcrest.Matchers.notNullValue());
        env.http().body("{\"kind\":\"oauth\",\"error\":\"invalid_grant\",\"exactly\":1}").post("/_emulator/journal/verify").then()
                .statusCode(200);
    }

    @Test
    void discoveryUserinfoAndRevokeAreJournaledToo() {
        String token = env.token("manager@acme.example");
        env.http().get("/.well-known/oauth-protected-resource/platform/mcp/v1/platform/sobject-all").then().statusCode(200);
        env.http().get("/login/.well-known/openid-configuration").then().statusCode(200);
        env.http().header("Authorization", "Bearer " + token).get("/login/services/oauth2/userinfo").then().statusCode(200);
        String identity = env.http().header("Authorization", "Bearer " + token).get("/login/services/oauth2/userinfo")
                .then().extract().path("user_id");
        env.http().header("Authorization", "Bearer " + token).get("/login/id/00DAc0000000DemMAE/" + identity).then().statusCode(200);
        env.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("token", token, "client_id", "sfmcp-demo-client"))
                .post("/login/services/oauth2/introspect");
        env.http().get("/login/id/keys").then().statusCode(200);
        env.http().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/login/services/oauth2/revoke").then().statusCode(200);
        env.http().queryParam("kind", "oauth").get("/_emulator/journal").then()
                .body("entries.endpoint", hasItems("discovery", "userinfo", "id", "introspect", "jwks", "revoke"))
                .body("entries.find { it.endpoint == 'introspect' }.clientId", equalTo("sfmcp-demo-client"))
                .body("entries.find { it.endpoint == 'id' }.username", equalTo("manager@acme.example"))
                .body("entries.findAll { it.endpoint == 'discovery' }", hasSize(2))
                .body("entries.find { it.endpoint == 'userinfo' }.username", equalTo("manager@acme.example"))
                .body("entries.find { it.endpoint == 'revoke' }.username", equalTo("manager@acme.example"))
                .body("entries.find { it.endpoint == 'revoke' }.status", equalTo(200));
    }

    @Test
    void noSecretCodeVerifierPasswordOrTokenIsEverKept() {
        String access = env.token("rep2@acme.example");
        String journal = env.http().get("/_emulator/journal").then().statusCode(200).extract().asString();
        assertFalse(journal.contains(access), "the access token");
        assertFalse(journal.contains(access.substring(access.lastIndexOf('.') + 1)), "its signature");
        assertFalse(journal.contains("code_verifier") || journal.contains("password") || journal.contains("\"code\""), journal);
        env.http().get("/_emulator/journal").then().body("entries.path", hasItem("/login/services/oauth2/token"));
    }
}
