package dev.sfmcp.emulator.oauth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole dance for every URL form, as an MCP client runs it: 401 challenge, protected resource metadata,
 * authorization server discovery in RFC 8414 order, the login form and approval page, PKCE code exchange, then MCP
 * initialize, tools/list and tools/call with the token.
 */
class OAuthFlowHttpTest {

    static Emulator emulator;
    static OAuthTestClient client;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        TestOrgs.addStandardSet(emulator);
        client = new OAuthTestClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/platform/mcp/v1/platform/sobject-reads,                       /login,          rep@acme.example",
        "/platform/mcp/v1/platform/sobject-all,                         /login,          dev@devco.example",
        "/platform/mcp/v1/sandbox/platform/sobject-mutations,           /test,           rep@acme.example.uat",
        "/platform/mcp/v1/sandbox/platform/sobject-reads,               /test,           test-abc@scratchy.example",
        "/platform/mcp/v1/d/acme/platform/sobject-all,                  /d/acme,         manager@acme.example",
        "/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-deletes, /d/acme--uat,    rep@acme.example.uat",
        "/platform/mcp/v1/d/devco/develop/platform/sobject-reads,       /d/devco,        dev@devco.example",
        "/platform/mcp/v1/d/scratchy/scratch/platform/sobject-all,      /d/scratchy,     test-abc@scratchy.example",
    })
    void discoveryLoginPkceAndMcpCallWorkForEveryUrlForm(String mcpPath, String hostPrefix, String username) {
        String base = emulator.localBaseUrl();

        // 1. the challenge points at the path-inserted protected resource metadata
        Response challenge = client.http().contentType("application/json").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .post(mcpPath);
        assertEquals(401, challenge.statusCode());
        Matcher m = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge.header("WWW-Authenticate"));
        assertTrue(m.find());
        String prmUrl = m.group(1);
        assertEquals(base + "/.well-known/oauth-protected-resource" + mcpPath, prmUrl);

        // 2. the PRM names the login host of this URL form
        JsonPath prm = client.http().get(prmUrl.substring(base.length())).then().statusCode(200).extract().jsonPath();
        assertEquals(base + mcpPath, prm.getString("resource"));
        String issuer = prm.getString("authorization_servers[0]");
        assertEquals(base + hostPrefix, issuer);
        assertEquals(List.of("mcp_api", "refresh_token"), prm.getList("scopes_supported"));

        // 3. RFC 8414 order for an issuer with a path: oauth-authorization-server 404, then openid-configuration
        client.http().get("/.well-known/oauth-authorization-server" + hostPrefix).then().statusCode(404);
        JsonPath as = client.http().get("/.well-known/openid-configuration" + hostPrefix).then().statusCode(200).extract().jsonPath();
        assertEquals(issuer, as.getString("issuer"), "issuer must equal the authorization_servers entry byte for byte");
        assertEquals(List.of("S256"), as.getList("code_challenge_methods_supported"));
        client.http().get(hostPrefix + "/.well-known/openid-configuration").then().statusCode(200).body("issuer", equalTo(issuer));

        // 4. authorize: login form, approval page, redirect with code and state
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Map<String, String> params = OAuthTestClient.authorizeParams("sfmcp-demo-client", pkce, "mcp_api refresh_token");
        params.put("resource", base + mcpPath);
        String authorizePath = as.getString("authorization_endpoint").substring(base.length());
        assertEquals(hostPrefix + "/services/oauth2/authorize", authorizePath);
        Response loginPage = client.http().queryParams(params).get(authorizePath);
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.asString().contains("name=\"username\"") && loginPage.asString().contains("name=\"password\""));
        Response afterLogin = client.submit(loginPage.asString(), Map.of("username", username, "password", "emulator"));
        if (afterLogin.statusCode() == 200) {
            // a self-authorized app asks once per user; users that appear twice in the table approved already
            assertTrue(afterLogin.asString().contains("Allow Access?"), afterLogin.asString());
            afterLogin = client.submit(afterLogin.asString(), Map.of("approve", "Allow"));
        }
        Map<String, String> redirect = OAuthTestClient.redirectParams(afterLogin);
        assertEquals(OAuthTestClient.REDIRECT, redirect.get("_target"));
        assertEquals(params.get("state"), redirect.get("state"));

        // 5. token: the response fields of the code flow
        JsonPath tokens = client.http().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", redirect.get("code"), "client_id", "sfmcp-demo-client",
                        "redirect_uri", OAuthTestClient.REDIRECT, "code_verifier", pkce.verifier(), "resource", base + mcpPath))
                .post(as.getString("token_endpoint").substring(base.length()))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals("jwt", tokens.getString("token_format"));
        assertEquals("mcp_api refresh_token", tokens.getString("scope"));
        assertNotNull(tokens.getString("refresh_token"));
        assertNotNull(tokens.getString("signature"));
        assertTrue(tokens.getString("issued_at").matches("\\d{13}"));
        assertTrue(tokens.getString("id").startsWith(issuer + "/id/00D"));
        String access = tokens.getString("access_token");

        // the JWT verifies against the login host's JWKS and carries Salesforce's header and claims
        try {
            SignedJWT jwt = SignedJWT.parse(access);
            JWKSet keys = JWKSet.parse(client.http().get(as.getString("jwks_uri").substring(base.length())).asString());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertNotNull(key, "the JWKS holds the token's kid");
            assertTrue(jwt.verify(new RSASSAVerifier(key)));
            assertEquals("sfdc-core-token", jwt.getHeader().getCustomParam("tty"));
            assertTrue(((String) jwt.getHeader().getCustomParam("tnk")).startsWith("core/"));
            assertEquals("oauth", jwt.getJWTClaimsSet().getStringClaim("mty"));
            assertEquals("sfmcp-demo-client", jwt.getJWTClaimsSet().getStringClaim("client_id"));
            assertEquals(tokens.getString("instance_url"), jwt.getJWTClaimsSet().getIssuer());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        // 6. MCP with the token
        Response init = client.initialize(mcpPath, access);
        assertEquals(200, init.statusCode(), init.asString());
        String session = init.header("Mcp-Session-Id");
        client.http().contentType("application/json").accept("application/json, text/event-stream")
                .header("Authorization", "Bearer " + access).header("Mcp-Session-Id", session)
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").post(mcpPath)
                .then().statusCode(200).body("result.tools.name", hasItem("soqlQuery"));
        client.http().contentType("application/json").accept("application/json, text/event-stream")
                .header("Authorization", "Bearer " + access).header("Mcp-Session-Id", session)
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"soqlQuery\","
                        + "\"arguments\":{\"q\":\"SELECT Id FROM Account LIMIT 1\"}}}").post(mcpPath)
                .then().statusCode(200)
                // the demo org answers the query as the user; the extra test orgs are built without a fixture, so no data
                .body("result.isError", equalTo(!username.endsWith("@acme.example")))
                .body("result.content[0].text", username.endsWith("@acme.example")
                        ? org.hamcrest.Matchers.containsString("\"totalSize\":1")
                        : org.hamcrest.Matchers.containsString("has no data"));
    }
}
