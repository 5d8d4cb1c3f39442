package dev.sfmcp.emulator.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The discovery documents: shapes, the paths clients try, the fidelity switches and the PRM modes. */
class DiscoveryHttpTest {

    static Emulator emulator;
    static OAuthTestClient client;
    static String base;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        TestOrgs.addStandardSet(emulator);
        client = new OAuthTestClient(emulator);
        base = emulator.localBaseUrl();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theHostRootPrmStillListsTheBetaScopes() {
        client.http().get("/.well-known/oauth-protected-resource").then().statusCode(200)
                .body("resource", equalTo(base))
                .body("authorization_servers", equalTo(List.of(base + "/login")))
                .body("scopes_supported", equalTo(List.of("api", "sfap_api", "refresh_token", "einstein_gpt_api")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/platform/mcp/v1/platform/sobject-reads,                   /login",
        "/platform/mcp/v1/custom/Customer360,                       /login",
        "/platform/mcp/v1/sandbox/custom/Customer360,               /test",
        "/platform/mcp/v1/sandbox/platform/sobject-all,             /test",
        "/platform/mcp/v1/d/acme/platform/sobject-all,              /d/acme",
        "/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-all, /d/acme--uat",
        "/platform/mcp/v1/d/devco/develop/platform/sobject-all,     /d/devco",
        "/platform/mcp/v1/d/scratchy/scratch/platform/sobject-all,  /d/scratchy",
        "/platform/mcp/v1/platform/bogus-server,                    /login",
    })
    void thePathInsertedPrmEchoesThePathAndNamesItsLoginHost(String path, String host) {
        client.http().header("MCP-Protocol-Version", "2025-11-25").accept("application/json")
                .get("/.well-known/oauth-protected-resource" + path).then().statusCode(200)
                .body("resource", equalTo(base + path))
                .body("authorization_servers", equalTo(List.of(base + host)))
                .body("scopes_supported", equalTo(List.of("mcp_api", "refresh_token")));
    }

    @Test
    void theGatewayHostsAuthorizationServerDocumentIsTheReducedOne() {
        client.http().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("issuer", equalTo(base + "/login"))
                .body("authorization_endpoint", equalTo(base + "/login/services/oauth2/authorize"))
                .body("token_endpoint", equalTo(base + "/login/services/oauth2/token"))
                .body("jwks_uri", equalTo(base + "/login/id/keys"))
                .body("registration_endpoint", nullValue())
                .body("revocation_endpoint", nullValue())
                .body("introspection_endpoint", nullValue())
                .body("grant_types_supported", equalTo(List.of("authorization_code", "refresh_token")))
                .body("token_endpoint_auth_methods_supported", equalTo(List.of("client_secret_post")))
                .body("scopes_supported", equalTo(List.of("api", "sfap_api", "refresh_token", "einstein_gpt_api")))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("response_types_supported", equalTo(List.of("code")));
    }

    @ParameterizedTest
    @CsvSource({"/.well-known/oauth-authorization-server/login", "/login/.well-known/oauth-authorization-server",
            "/.well-known/oauth-authorization-server/test", "/d/acme/.well-known/oauth-authorization-server",
            "/.well-known/oauth-authorization-server/platform/mcp/v1/platform/sobject-reads",
            "/.well-known/openid-configuration/d/nobody", "/d/nobody/services/oauth2/authorize", "/.well-known/openid-configuration"})
    void pathsTheRealServiceAnswers404To(String path) {
        client.http().get(path).then().statusCode(404);
    }

    @Test
    void theLoginHostsOpenIdConfigurationHasTheCapturedFieldsPlusS256() {
        JsonPath doc = client.http().get("/.well-known/openid-configuration/login").then().statusCode(200).extract().jsonPath();
        String issuer = base + "/login";
        assertEquals(issuer, doc.getString("issuer"));
        assertEquals(issuer + "/services/oauth2/revoke", doc.getString("revocation_endpoint"));
        assertEquals(issuer + "/services/oauth2/userinfo", doc.getString("userinfo_endpoint"));
        assertEquals(issuer + "/services/oauth2/register", doc.getString("registration_endpoint"));
        assertEquals(issuer + "/services/oauth2/introspect", doc.getString("introspection_endpoint"));
        assertEquals(36, doc.getList("scopes_supported").size());
        assertTrue(doc.getList("scopes_supported").containsAll(List.of("mcp_api", "refresh_token", "offline_access", "api",
                "sfap_api", "einstein_gpt_api", "openid", "id", "profile", "email", "web", "full")));
        assertEquals(List.of("code", "token", "token id_token"), doc.getList("response_types_supported"));
        assertEquals(List.of("client_secret_post", "client_secret_basic", "private_key_jwt"),
                doc.getList("token_endpoint_auth_methods_supported"));
        assertEquals(List.of("S256"), doc.getList("code_challenge_methods_supported"));
        assertTrue(doc.getList("claims_supported").containsAll(List.of("organization_id", "user_id", "zoneinfo")));
    }

    @Test
    void issuersFollowTheForwardedHost() {
        given().baseUri(base).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "emu.example.test")
                .get("/.well-known/openid-configuration/d/acme").then().statusCode(200)
                .body("issuer", equalTo("https://emu.example.test/d/acme"))
                .body("token_endpoint", equalTo("https://emu.example.test/d/acme/services/oauth2/token"));
    }

    @Test
    void eachLoginHostPublishesTheKeysOfItsOrgs() {
        String acmeKid = emulator.orgs().byMyDomain("acme").orElseThrow().signingKey().getKeyID();
        String sandboxKid = emulator.orgs().byMyDomain("acme--uat").orElseThrow().signingKey().getKeyID();
        client.http().get("/login/id/keys").then().statusCode(200).body("keys.kid", hasItem(acmeKid))
                .body("keys.kid", not(hasItem(sandboxKid))).body("keys[0].kty", equalTo("RSA")).body("keys[0].d", nullValue());
        client.http().get("/test/id/keys").then().statusCode(200).body("keys.kid", hasItem(sandboxKid));
        client.http().get("/d/acme/id/keys").then().statusCode(200).body("keys", hasSize(1)).body("keys[0].kid", equalTo(acmeKid));
    }

    @Test
    void strictFidelityOmitsCodeChallengeMethodsFromTheOpenIdConfiguration() {
        try (Emulator strict = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")
                .with(Option.OIDC_ADVERTISES_PKCE, "false")).start()) {
            given().baseUri(strict.localBaseUrl()).get("/.well-known/openid-configuration/login").then().statusCode(200)
                    .body("code_challenge_methods_supported", nullValue());
            given().baseUri(strict.localBaseUrl()).get("/.well-known/oauth-authorization-server").then().statusCode(200)
                    .body("code_challenge_methods_supported", equalTo(List.of("S256")));
        }
    }

    @Test
    void selfModeReproducesTheIssuerMismatchOf20260813() {
        try (Emulator self = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.PRM_MODE, "self")).start()) {
            String b = self.localBaseUrl();
            String path = "/platform/mcp/v1/platform/sobject-reads";
            String as = given().baseUri(b).get("/.well-known/oauth-protected-resource" + path).then().statusCode(200)
                    .body("resource", equalTo(b + path)).extract().jsonPath().getString("authorization_servers[0]");
            assertEquals(b + path, as);
            String issuer = given().baseUri(b).get("/.well-known/oauth-authorization-server" + path).then().statusCode(200)
                    .body("token_endpoint", equalTo(b + "/login/services/oauth2/token"))
                    .extract().jsonPath().getString("issuer");
            assertEquals(b + "/login", issuer);
            assertNotEquals(as, issuer, "the historic shape: the issuer differs from the authorization server URL");
        }
    }

    @Test
    void autoLoginAnswersAuthorizeAtOnceForTheLoginHintUser() {
        try (Emulator auto = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")).start()) {
            OAuthTestClient c = new OAuthTestClient(auto);
            OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
            Map<String, String> params = OAuthTestClient.authorizeParams("sfmcp-demo-client", pkce, "mcp_api refresh_token");
            Response form = c.getAuthorize("/login", params);
            assertEquals(200, form.statusCode(), "without a login_hint the form is shown");
            params.put("login_hint", "rep@acme.example");
            Map<String, String> redirect = OAuthTestClient.redirectParams(c.getAuthorize("/login", params));
            assertEquals(params.get("state"), redirect.get("state"));
            String token = c.exchange("/login", "sfmcp-demo-client", redirect.get("code"), pkce.verifier()).then().statusCode(200)
                    .extract().jsonPath().getString("access_token");
            c.initialize("/platform/mcp/v1/platform/sobject-reads", token).then().statusCode(200);
            params.put("login_hint", "nobody@acme.example");
            Response unknown = c.getAuthorize("/login", params);
            assertEquals(200, unknown.statusCode());
            assertTrue(unknown.asString().contains("no user"));
        }
    }

    @Test
    void autoLoginIsOffByDefault() {
        Map<String, String> params = OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null);
        params.put("login_hint", "rep@acme.example");
        Response r = client.getAuthorize("/login", params);
        assertEquals(200, r.statusCode());
        assertTrue(r.asString().contains("name=\"password\""));
    }
}
