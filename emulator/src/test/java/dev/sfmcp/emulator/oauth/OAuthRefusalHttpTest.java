package dev.sfmcp.emulator.oauth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.emulator.org.CodeBuiltDemoOrg;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.UserRecord;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import dev.sfmcp.fixtures.app.IpRange;
import dev.sfmcp.fixtures.app.IpRelaxationPolicyType;
import dev.sfmcp.fixtures.app.NamedUserJwtSessionTimeoutType;
import dev.sfmcp.fixtures.app.OauthClientType;
import dev.sfmcp.fixtures.app.PermittedUsersPolicyType;
import dev.sfmcp.fixtures.app.RefreshTokenPolicyType;
import dev.sfmcp.fixtures.app.RefreshTokenValidityUnit;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per refusal of the authorization server and the gateway: status, error and message asserted. */
class OAuthRefusalHttpTest {

    static final String READS = "/platform/mcp/v1/platform/sobject-reads";
    static final String LOGIN = "/login";
    static Emulator emulator;
    static OAuthTestClient client;
    static Org acme;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0")).start();
        TestOrgs.addStandardSet(emulator);
        client = new OAuthTestClient(emulator);
        acme = emulator.orgs().byMyDomain("acme").orElseThrow();
        acme.apps().install(app("secret-app").consumerSecret("s3cret").isConsumerSecretOptional(false)
                .isSecretRequiredForRefreshToken(true).build());
        acme.apps().install(app("admin-approved").permittedUsersPolicyType(PermittedUsersPolicyType.AdminApprovedPreAuthorized)
                .commaSeparatedProfile("System Administrator").commaSeparatedPermissionSet("MCP Users").build());
        acme.apps().install(app("opaque-app").isNamedUserJwtEnabled(false).build());
        acme.apps().install(app("beta-app").scopes("api", "sfap_api", "refresh_token", "einstein_gpt_api").build());
        acme.apps().install(app("connected-app").clientType(OauthClientType.ConnectedApp)
                .scopes("mcp_api", "api", "refresh_token").build());
        IpRange office = new IpRange("10.0.0.0", "10.0.0.255");
        acme.apps().install(app("ip-enforce").trustedIpRanges(office).ipRelaxationPolicyType(IpRelaxationPolicyType.Enforce).build());
        acme.apps().install(app("ip-relax-refresh").trustedIpRanges(office)
                .ipRelaxationPolicyType(IpRelaxationPolicyType.Enforce_RelaxRefresh).build());
        acme.apps().install(app("ip-bypass").trustedIpRanges(office).ipRelaxationPolicyType(IpRelaxationPolicyType.Bypass).build());
        acme.apps().install(app("rotating").isRefreshTokenRotationEnabled(true).build());
        acme.apps().install(app("lifetime").refreshTokenPolicy(RefreshTokenPolicyType.SpecificLifetime, 1,
                RefreshTokenValidityUnit.Hours).build());
        acme.apps().install(app("inactivity").refreshTokenPolicy(RefreshTokenPolicyType.SpecificInactivity, 1,
                RefreshTokenValidityUnit.Hours).build());
        acme.apps().install(app("zero").refreshTokenPolicyType(RefreshTokenPolicyType.Zero).build());
        acme.apps().install(app("jwt5").namedUserJwtTimeout(NamedUserJwtSessionTimeoutType.Custom, 5).build());
        acme.apps().install(app("no-pkce").isPkceRequired(false).build());
        String std = "00eKd000001STDU";
        acme.putUser(UserRecord.of("005Kd000009INAC", "inactive@acme.example", acme.id(), std, "Standard User", "In Active", "emulator")
                .withActive(false));
        acme.putUser(UserRecord.of("005Kd000009NOAP", "noapi@acme.example", acme.id(), std, "Standard User", "No Api", "emulator")
                .withApiEnabled(false));
        acme.putUser(UserRecord.of("005Kd000009PERM", "ps@acme.example", acme.id(), std, "Standard User", "Perm Set", "emulator")
                .withPermissionSets(Set.of("MCP Users")));
        acme.putUser(UserRecord.of("005Kd000009SESS", "short@acme.example", acme.id(), std, "Standard User", "Short Session", "emulator")
                .withSessionTimeout(Duration.ofMinutes(30)));
        acme.putUser(UserRecord.of("005Kd000009LOGU", "logout@acme.example", acme.id(), std, "Standard User", "Log Out", "emulator"));
        acme.putUser(UserRecord.of("005Kd000009DEAC", "leaver@acme.example", acme.id(), std, "Standard User", "Leaver", "emulator"));
    }

    static ExternalClientApp.Builder app(String consumerKey) {
        return CodeBuiltDemoOrg.demoApp().toBuilder().consumerKey(consumerKey).developerName(null).label(null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    // ---------- authorize: shown as a page, never redirected ----------

    @Test
    void unknownClientIsAnErrorPageNotARedirect() {
        Response r = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("no-such-app", OAuthTestClient.Pkce.create(), null));
        assertEquals(400, r.statusCode());
        assertEquals(null, r.header("Location"));
        assertTrue(r.asString().contains("invalid_client_id") && r.asString().contains("client identifier invalid"), r.asString());
    }

    @Test
    void unregisteredCallbackIsAnErrorPageNotARedirect() {
        Map<String, String> params = OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null);
        params.put("redirect_uri", "https://evil.example/callback");
        Response r = client.getAuthorize(LOGIN, params);
        assertEquals(400, r.statusCode());
        assertEquals(null, r.header("Location"));
        assertTrue(r.asString().contains("redirect_uri_mismatch") && r.asString().contains("redirect_uri must match configuration"));
    }

    @Test
    void aNewAppIsUnknownUntilItHasPropagated() {
        client.http().contentType("application/json").body("{\"appPropagationSeconds\": 600}").put("/_emulator/orgs/acme/delays")
                .then().statusCode(200).body("appPropagationSeconds", equalTo(600));
        try {
            client.http().contentType("application/json").body("{\"callbackUrls\":[\"" + OAuthTestClient.REDIRECT + "\"]}")
                    .put("/_emulator/orgs/acme/apps/fresh-app").then().statusCode(200).body("inEffect", equalTo(false))
                    .body("app.isPkceRequired", equalTo(true));
            Response pending = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("fresh-app", OAuthTestClient.Pkce.create(), null));
            assertEquals(400, pending.statusCode());
            assertTrue(pending.asString().contains("client identifier invalid"));
            client.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("grant_type", "refresh_token",
                    "refresh_token", "x", "client_id", "fresh-app")).post(LOGIN + "/services/oauth2/token")
                    .then().statusCode(400).body("error", equalTo("invalid_client_id")).body("error_description", equalTo("client identifier invalid"));
            client.http().contentType("application/json").body("{\"seconds\": 600}").post("/_emulator/clock/advance").then().statusCode(200);
            assertNotNull(client.accessToken(LOGIN, "fresh-app", "rep@acme.example"));
        } finally {
            acme.apps().setPropagationDelay(Duration.ZERO);
        }
    }

    // ---------- authorize: redirected with error parameters ----------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing code challenge   | sfmcp-demo-client | code  | -     | mcp_api        | invalid_request           | missing required code challenge",
        "plain challenge method   | sfmcp-demo-client | code  | plain | mcp_api        | invalid_request           | unsupported code challenge method",
        "token response type      | sfmcp-demo-client | token | S256  | mcp_api        | unsupported_response_type | response type not supported",
        "scope not on the app     | sfmcp-demo-client | code  | S256  | mcp_api full   | invalid_scope             | the requested scope is invalid",
        "connected app for MCP    | connected-app     | code  | S256  | mcp_api api    | invalid_scope             | the requested scope is invalid",
    })
    void requestMistakesAreRedirectedWithTheRealErrors(String name, String clientId, String responseType, String method,
                                                         String scope, String error, String description) {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Map<String, String> params = OAuthTestClient.authorizeParams(clientId, "-".equals(method) ? null : pkce, scope);
        params.put("response_type", responseType);
        if (!"-".equals(method)) {
            params.put("code_challenge_method", method);
        }
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.getAuthorize(LOGIN, params));
        assertEquals(OAuthTestClient.REDIRECT, redirect.get("_target"));
        assertEquals(error, redirect.get("error"));
        assertEquals(description, redirect.get("error_description"));
        assertEquals(params.get("state"), redirect.get("state"));
    }

    @Test
    void offlineAccessIsTheSamePermissionAsRefreshToken() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.logIn(LOGIN, OAuthTestClient.authorizeParams(
                "sfmcp-demo-client", pkce, "mcp_api offline_access"), "rep@acme.example", "emulator"));
        client.exchange(LOGIN, "sfmcp-demo-client", redirect.get("code"), pkce.verifier()).then().statusCode(200)
                .body("scope", equalTo("mcp_api offline_access")).body("refresh_token", startsWith("5Aep861"));
    }

    @Test
    void anAppWithoutRequiredPkceIssuesCodesWithoutAChallenge() {
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.logIn(LOGIN,
                OAuthTestClient.authorizeParams("no-pkce", null, null), "rep@acme.example", "emulator"));
        client.exchange(LOGIN, "no-pkce", redirect.get("code"), null).then().statusCode(200);
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgain() {
        Response page = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null));
        Response again = client.submit(page.asString(), Map.of("username", "rep@acme.example", "password", "wrong"));
        assertEquals(200, again.statusCode());
        assertTrue(again.asString().contains(LoginPages.escape(LoginPages.LOGIN_FAILED)));
        assertTrue(again.asString().contains("value=\"rep@acme.example\""), "the username stays filled in");
    }

    @Test
    void aSandboxUserCannotLogInOnTheProductionLoginHost() {
        Response page = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null));
        Response again = client.submit(page.asString(), Map.of("username", "rep@acme.example.uat", "password", "emulator"));
        assertEquals(200, again.statusCode());
        assertTrue(again.asString().contains(LoginPages.escape(LoginPages.LOGIN_FAILED)));
    }

    @Test
    void loginHintPrefillsTheUsername() {
        Map<String, String> params = OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null);
        params.put("login_hint", "manager@acme.example");
        Response page = client.getAuthorize(LOGIN, params);
        assertTrue(page.asString().contains("id=\"username\" name=\"username\" value=\"manager@acme.example\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "inactive@acme.example | sfmcp-demo-client | inactive_user       | user is inactive",
        "noapi@acme.example    | sfmcp-demo-client | unauthorized_client | user is not api enabled",
        "rep@acme.example      | admin-approved    | invalid_grant       | user hasn't approved this consumer",
    })
    void usersWhoMayNotUseTheAppAreRedirectedWithTheRealErrors(String username, String clientId, String error, String description) {
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.logIn(LOGIN,
                OAuthTestClient.authorizeParams(clientId, OAuthTestClient.Pkce.create(), null), username, "emulator"));
        assertEquals(error, redirect.get("error"));
        assertEquals(description, redirect.get("error_description"));
    }

    @Test
    void adminApprovedAppsAdmitListedProfilesAndPermissionSetsWithoutAnApprovalPage() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Response page = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("admin-approved", pkce, null));
        Response redirect = client.submit(page.asString(), Map.of("username", "admin@acme.example", "password", "emulator"));
        assertEquals(302, redirect.statusCode(), "pre-authorized users are not asked to approve");
        client.exchange(LOGIN, "admin-approved", OAuthTestClient.redirectParams(redirect).get("code"), pkce.verifier()).then().statusCode(200);
        assertNotNull(client.accessToken(LOGIN, "admin-approved", "ps@acme.example"));
    }

    @Test
    void theApprovalPageIsShownOnceUnlessPromptAsksForConsent() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Map<String, String> params = OAuthTestClient.authorizeParams("no-pkce", pkce, null);
        Response first = client.submit(client.getAuthorize(LOGIN, params).asString(), Map.of("username", "manager@acme.example", "password", "emulator"));
        assertTrue(first.asString().contains("Allow Access?"));
        assertEquals(302, client.submit(first.asString(), Map.of("approve", "Allow")).statusCode());
        Response second = client.submit(client.getAuthorize(LOGIN, params).asString(), Map.of("username", "manager@acme.example", "password", "emulator"));
        assertEquals(302, second.statusCode(), "approved once, not asked again");
        params.put("prompt", "consent");
        Response third = client.submit(client.getAuthorize(LOGIN, params).asString(), Map.of("username", "manager@acme.example", "password", "emulator"));
        assertTrue(third.asString().contains("Allow Access?"), "prompt=consent asks again");
    }

    @Test
    void denyingOnTheApprovalPageRedirectsAccessDenied() {
        Response page = client.getAuthorize(LOGIN, OAuthTestClient.authorizeParams("sfmcp-demo-client", OAuthTestClient.Pkce.create(), null));
        Response approval = client.submit(page.asString(), Map.of("username", "readonly@acme.example", "password", "emulator"));
        assertTrue(approval.asString().contains("Allow Access?"));
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.submit(approval.asString(), Map.of("deny", "Deny")));
        assertEquals("access_denied", redirect.get("error"));
        assertEquals("end-user denied authorization", redirect.get("error_description"));
    }

    // ---------- token endpoint ----------

    static Response token(Map<String, String> form) {
        return client.http().contentType("application/x-www-form-urlencoded").formParams(form).post(LOGIN + "/services/oauth2/token");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no grant type       | -                                                 | 400 | invalid_request        | missing required parameter: grant_type",
        "password grant      | password                                          | 400 | unsupported_grant_type | grant type not supported",
        "device grant        | device_code                                       | 400 | unsupported_grant_type | grant type not supported",
        "client credentials  | client_credentials                                | 400 | invalid_grant          | no valid scopes defined",
        "JWT bearer          | urn:ietf:params:oauth:grant-type:jwt-bearer       | 400 | invalid_grant          | no valid scopes defined",
    })
    void grantsOtherThanCodeAndRefreshAreRefused(String name, String grantType, int status, String error, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", "sfmcp-demo-client");
        if (!"-".equals(grantType)) {
            form.put("grant_type", grantType);
        }
        token(form).then().statusCode(status).body("error", equalTo(error)).body("error_description", equalTo(description));
    }

    @Test
    void anUnknownClientIsRefusedAtTheTokenEndpoint() {
        token(Map.of("grant_type", "authorization_code", "code", "aPrxNope", "client_id", "nobody", "redirect_uri", OAuthTestClient.REDIRECT))
                .then().statusCode(400).body("error", equalTo("invalid_client_id")).body("error_description", equalTo("client identifier invalid"));
    }

    @Test
    void theSecretIsRequiredWhereTheAppSaysSoByPostOrBasic() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "secret-app", pkce, "rep@acme.example");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", "secret-app", "redirect_uri", OAuthTestClient.REDIRECT, "code_verifier", pkce.verifier()));
        token(form).then().statusCode(401).body("error", equalTo("invalid_client")).body("error_description", equalTo("invalid client credentials"));
        form.put("client_secret", "wrong");
        token(form).then().statusCode(401).body("error", equalTo("invalid_client")).body("error_description", equalTo("invalid client credentials"));
        form.remove("client_secret");
        form.remove("client_id");
        String basic = Base64.getEncoder().encodeToString("secret-app:s3cret".getBytes());
        Response ok = client.http().header("Authorization", "Basic " + basic).contentType("application/x-www-form-urlencoded")
                .formParams(form).post(LOGIN + "/services/oauth2/token");
        assertEquals(200, ok.statusCode(), ok.asString());
        // refresh needs the secret too on this app; by post this time
        String refresh = ok.jsonPath().getString("refresh_token");
        token(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "secret-app"))
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        token(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "secret-app", "client_secret", "s3cret"))
                .then().statusCode(200).body("access_token", startsWith("eyJ"));
    }

    @Test
    void aWrongOrMissingVerifierIsInvalidCodeVerifier() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        client.exchange(LOGIN, "sfmcp-demo-client", code, OAuthTestClient.Pkce.create().verifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("invalid code verifier"));
        String code2 = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        client.exchange(LOGIN, "sfmcp-demo-client", code2, null)
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("invalid code verifier"));
    }

    @Test
    void theCodeIsBoundToItsRedirectUri() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        token(Map.of("grant_type", "authorization_code", "code", code, "client_id", "sfmcp-demo-client",
                "redirect_uri", "http://127.0.0.1:6276/oauth/callback", "code_verifier", pkce.verifier()))
                .then().statusCode(400).body("error", equalTo("redirect_uri_mismatch"))
                .body("error_description", equalTo("redirect_uri must match configuration"));
    }

    @Test
    void theCodeIsBoundToItsClient() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        client.exchange(LOGIN, "no-pkce", code, pkce.verifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("authentication failure"));
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        String access = client.exchange(LOGIN, "sfmcp-demo-client", code, pkce.verifier()).then().statusCode(200)
                .extract().jsonPath().getString("access_token");
        client.initialize(READS, access).then().statusCode(200);
        client.exchange(LOGIN, "sfmcp-demo-client", code, pkce.verifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("expired authorization code"));
        client.initialize(READS, access).then().statusCode(401).body("errors[0].message", equalTo("JWT Token is required"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = client.code(LOGIN, "sfmcp-demo-client", pkce, "rep@acme.example");
        emulator.clock().advance(Duration.ofMinutes(16));
        client.exchange(LOGIN, "sfmcp-demo-client", code, pkce.verifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("expired authorization code"));
    }

    static Response exchangeFrom(String ip, String clientId, String code, String verifier) {
        return client.http().header("X-Forwarded-For", ip).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", code, "client_id", clientId,
                        "redirect_uri", OAuthTestClient.REDIRECT, "code_verifier", verifier))
                .post(LOGIN + "/services/oauth2/token");
    }

    static Response refreshFrom(String ip, String clientId, String refreshToken) {
        return client.http().header("X-Forwarded-For", ip).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId))
                .post(LOGIN + "/services/oauth2/token");
    }

    @Test
    void ipRestrictionsFollowTheRelaxationPolicy() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        exchangeFrom("192.0.2.7", "ip-enforce", client.code(LOGIN, "ip-enforce", pkce, "rep@acme.example"), pkce.verifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("ip restricted"));
        String refresh = exchangeFrom("10.0.0.9", "ip-enforce", client.code(LOGIN, "ip-enforce", pkce, "rep@acme.example"), pkce.verifier())
                .then().statusCode(200).extract().jsonPath().getString("refresh_token");
        refreshFrom("192.0.2.7", "ip-enforce", refresh).then().statusCode(400).body("error_description", equalTo("ip restricted"));

        exchangeFrom("192.0.2.7", "ip-relax-refresh", client.code(LOGIN, "ip-relax-refresh", pkce, "rep@acme.example"), pkce.verifier())
                .then().statusCode(400).body("error_description", equalTo("ip restricted"));
        String relaxed = exchangeFrom("10.0.0.9", "ip-relax-refresh", client.code(LOGIN, "ip-relax-refresh", pkce, "rep@acme.example"),
                pkce.verifier()).then().statusCode(200).extract().jsonPath().getString("refresh_token");
        refreshFrom("192.0.2.7", "ip-relax-refresh", relaxed).then().statusCode(200);

        exchangeFrom("192.0.2.7", "ip-bypass", client.code(LOGIN, "ip-bypass", pkce, "rep@acme.example"), pkce.verifier())
                .then().statusCode(200);
    }

    @Test
    void rotationIssuesANewRefreshTokenAndReuseRevokesTheFamily() {
        Response first = client.tokens(LOGIN, "rotating", "rep@acme.example");
        String access = first.jsonPath().getString("access_token");
        String r1 = first.jsonPath().getString("refresh_token");
        Response second = client.refresh(LOGIN, "rotating", r1);
        second.then().statusCode(200);
        String r2 = second.jsonPath().getString("refresh_token");
        assertNotNull(r2);
        assertNotEquals(r1, r2);
        client.refresh(LOGIN, "rotating", r1)
                .then().statusCode(400).body("error", equalTo("invalid_grant")).body("error_description", equalTo("expired access/refresh token"));
        client.refresh(LOGIN, "rotating", r2).then().statusCode(400).body("error_description", equalTo("expired access/refresh token"));
        client.initialize(READS, access).then().statusCode(401);
        client.initialize(READS, second.jsonPath().getString("access_token")).then().statusCode(401);
    }

    @Test
    void withoutRotationTheRefreshTokenStaysAndNoNewOneIsReturned() {
        String refresh = client.tokens(LOGIN, "sfmcp-demo-client", "rep@acme.example").jsonPath().getString("refresh_token");
        client.refresh(LOGIN, "sfmcp-demo-client", refresh).then().statusCode(200).body("refresh_token", nullValue())
                .body("token_format", equalTo("jwt"));
        emulator.clock().advance(Duration.ofDays(400));
        client.refresh(LOGIN, "sfmcp-demo-client", refresh).then().statusCode(200);
    }

    @Test
    void refreshTokenPoliciesExpireOnTheClock() {
        String lifetime = client.tokens(LOGIN, "lifetime", "rep@acme.example").jsonPath().getString("refresh_token");
        String inactivity = client.tokens(LOGIN, "inactivity", "rep@acme.example").jsonPath().getString("refresh_token");
        String zero = client.tokens(LOGIN, "zero", "rep@acme.example").jsonPath().getString("refresh_token");
        client.refresh(LOGIN, "zero", zero).then().statusCode(400).body("error_description", equalTo("expired access/refresh token"));
        emulator.clock().advance(Duration.ofMinutes(50));
        client.refresh(LOGIN, "lifetime", lifetime).then().statusCode(200);
        client.refresh(LOGIN, "inactivity", inactivity).then().statusCode(200);
        emulator.clock().advance(Duration.ofMinutes(50));
        client.refresh(LOGIN, "lifetime", lifetime).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("expired access/refresh token"));
        client.refresh(LOGIN, "inactivity", inactivity).then().statusCode(200);
        emulator.clock().advance(Duration.ofMinutes(61));
        client.refresh(LOGIN, "inactivity", inactivity).then().statusCode(400).body("error_description", equalTo("expired access/refresh token"));
    }

    @Test
    void anUnknownRefreshTokenIsExpired() {
        client.refresh(LOGIN, "sfmcp-demo-client", "5Aep861bogus").then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("expired access/refresh token"));
    }

    // ---------- the gateway ----------

    static void refused(String mcpPath, String token) {
        client.initialize(mcpPath, token).then().statusCode(401)
                .body("errors[0].message", equalTo("JWT Token is required"))
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\", resource_metadata="));
    }

    @Test
    void opaqueTokensWorkAtTheLoginHostButNotAtTheGateway() {
        Response tokens = client.tokens(LOGIN, "opaque-app", "rep@acme.example");
        String opaque = tokens.jsonPath().getString("access_token");
        assertTrue(opaque.startsWith(acme.id15() + "!"), opaque);
        assertEquals(null, tokens.jsonPath().getString("token_format"));
        refused(READS, opaque);
        client.http().header("Authorization", "Bearer " + opaque).get(LOGIN + "/services/oauth2/userinfo")
                .then().statusCode(200).body("preferred_username", equalTo("rep@acme.example"));
    }

    @Test
    void betaScopesAloneAreRefused() {
        String token = client.accessToken(LOGIN, "beta-app", "rep@acme.example");
        refused(READS, token);
    }

    @Test
    void aConnectedAppsTokenCannotCallMcp() {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        Map<String, String> redirect = OAuthTestClient.redirectParams(client.logIn(LOGIN,
                OAuthTestClient.authorizeParams("connected-app", pkce, "api refresh_token"), "rep@acme.example", "emulator"));
        String token = client.exchange(LOGIN, "connected-app", redirect.get("code"), pkce.verifier()).then().statusCode(200)
                .body("scope", equalTo("api refresh_token")).extract().jsonPath().getString("access_token");
        refused(READS, token);
    }

    @Test
    void aTokenWorksOnlyOnItsOrgAndEnvironment() {
        String production = client.accessToken(LOGIN, "sfmcp-demo-client", "rep@acme.example");
        String sandbox = client.accessToken("/test", "sfmcp-demo-client", "rep@acme.example.uat");
        refused("/platform/mcp/v1/sandbox/platform/sobject-reads", production);
        refused(READS, sandbox);
        refused("/platform/mcp/v1/d/devco/develop/platform/sobject-reads", production);
        refused("/platform/mcp/v1/d/acme/develop/platform/sobject-reads", production);
        refused("/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-reads", production);
        client.initialize("/platform/mcp/v1/d/acme/platform/sobject-reads", production).then().statusCode(200);
        client.initialize("/platform/mcp/v1/d/acme--uat/sandbox/platform/sobject-reads", sandbox).then().statusCode(200);
    }

    @Test
    void jwtsExpireAfterTheUserSessionOrTheAppsCustomMinutes() {
        String twoHours = client.accessToken(LOGIN, "sfmcp-demo-client", "rep@acme.example");
        String thirtyMinutes = client.accessToken(LOGIN, "sfmcp-demo-client", "short@acme.example");
        String fiveMinutes = client.accessToken(LOGIN, "jwt5", "rep@acme.example");
        emulator.clock().advance(Duration.ofMinutes(6));
        refused(READS, fiveMinutes);
        client.initialize(READS, thirtyMinutes).then().statusCode(200);
        emulator.clock().advance(Duration.ofMinutes(25));
        refused(READS, thirtyMinutes);
        client.initialize(READS, twoHours).then().statusCode(200);
        emulator.clock().advance(Duration.ofMinutes(90));
        refused(READS, twoHours);
    }

    @Test
    void revokingAnAccessTokenOrARefreshTokenStopsIt() {
        Response tokens = client.tokens(LOGIN, "sfmcp-demo-client", "rep@acme.example");
        String access = tokens.jsonPath().getString("access_token");
        client.initialize(READS, access).then().statusCode(200);
        client.http().contentType("application/x-www-form-urlencoded").formParam("token", access).post(LOGIN + "/services/oauth2/revoke")
                .then().statusCode(200);
        refused(READS, access);
        String refresh = tokens.jsonPath().getString("refresh_token");
        String second = client.refresh(LOGIN, "sfmcp-demo-client", refresh).jsonPath().getString("access_token");
        client.http().contentType("application/x-www-form-urlencoded").formParam("token", refresh).post(LOGIN + "/services/oauth2/revoke")
                .then().statusCode(200);
        refused(READS, second);
        client.refresh(LOGIN, "sfmcp-demo-client", refresh).then().statusCode(400).body("error_description", equalTo("expired access/refresh token"));
        client.http().contentType("application/x-www-form-urlencoded").formParam("token", "nonsense").post(LOGIN + "/services/oauth2/revoke")
                .then().statusCode(400).body("error", equalTo("unsupported_token_type"))
                .body("error_description", equalTo("this token type is not supported"));
    }

    @Test
    void singleLogoutRevokesEveryTokenOfTheUser() {
        String a = client.accessToken(LOGIN, "sfmcp-demo-client", "logout@acme.example");
        String b = client.accessToken(LOGIN, "rotating", "logout@acme.example");
        client.http().post("/_emulator/orgs/acme/users/logout@acme.example/logout").then().statusCode(200).body("revokedGrants", equalTo(2));
        refused(READS, a);
        refused(READS, b);
    }

    @Test
    void aDeactivatedUsersTokensStopWorking() {
        String token = client.accessToken(LOGIN, "sfmcp-demo-client", "leaver@acme.example");
        client.initialize(READS, token).then().statusCode(200);
        client.http().contentType("application/json").body("{\"active\": false}").patch("/_emulator/orgs/acme/users/leaver@acme.example")
                .then().statusCode(200).body("active", equalTo(false));
        refused(READS, token);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = client.accessToken(LOGIN, "sfmcp-demo-client", "rep@acme.example");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"scp\":\"", "\"scp\":\"full ");
        refused(READS, parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2]);
        refused(READS, token.substring(0, token.length() - 4) + "AAAA");
        client.initialize(READS, token).then().statusCode(200);
    }

    @Test
    void serversAreActivatedPerOrgAfterTheActivationDelay() {
        String token = client.accessToken("/d/devco", "sfmcp-demo-client", "dev@devco.example");
        String path = "/platform/mcp/v1/d/devco/develop/platform/sobject-deletes";
        client.initialize(path, token).then().statusCode(200);
        client.http().post("/_emulator/orgs/devco/servers/platform/sobject-deletes/deactivate").then().statusCode(200)
                .body("state", equalTo("INACTIVE"));
        client.initialize(path, token).then().statusCode(404)
                .body("errors[0].message", equalTo("The MCP server 'platform/sobject-deletes' is not active in this org"));
        client.http().contentType("application/json").body("{\"serverActivationSeconds\": 120}").put("/_emulator/orgs/devco/delays")
                .then().statusCode(200);
        client.http().post("/_emulator/orgs/devco/servers/platform/sobject-deletes/activate").then().statusCode(200)
                .body("state", equalTo("PENDING_ACTIVATION"));
        client.initialize(path, token).then().statusCode(404).body("errors[0].message", containsString("is being activated"));
        emulator.clock().advance(Duration.ofSeconds(120));
        client.initialize(path, token).then().statusCode(200);
    }

    @Test
    void dynamicClientRegistrationIsRefused() {
        client.http().contentType("application/json").body("{\"redirect_uris\":[\"http://localhost:3000/cb\"]}")
                .post(LOGIN + "/services/oauth2/register")
                .then().statusCode(401).body("error", equalTo("invalid_client")).body("error_description", equalTo("invalid client credentials"));
    }

    @Test
    void introspectionSaysWhetherATokenIsLive() {
        Response tokens = client.tokens(LOGIN, "sfmcp-demo-client", "rep2@acme.example");
        String access = tokens.jsonPath().getString("access_token");
        String refresh = tokens.jsonPath().getString("refresh_token");
        client.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("token", access, "client_id", "sfmcp-demo-client"))
                .post(LOGIN + "/services/oauth2/introspect").then().statusCode(200).body("active", equalTo(true))
                .body("username", equalTo("rep2@acme.example")).body("token_type", equalTo("access_token"))
                .body("scope", equalTo("mcp_api refresh_token"));
        client.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("token", refresh, "client_id", "sfmcp-demo-client"))
                .post(LOGIN + "/services/oauth2/introspect").then().statusCode(200).body("token_type", equalTo("refresh_token"));
        client.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("token", "junk", "client_id", "sfmcp-demo-client"))
                .post(LOGIN + "/services/oauth2/introspect").then().statusCode(200).body("active", equalTo(false));
        client.http().contentType("application/x-www-form-urlencoded").formParams(Map.of("token", access, "client_id", "secret-app",
                "client_secret", "nope")).post(LOGIN + "/services/oauth2/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void userinfoAndTheIdentityUrlAnswerForTheTokensUserOnly() {
        Response tokens = client.tokens(LOGIN, "sfmcp-demo-client", "manager@acme.example");
        String access = tokens.jsonPath().getString("access_token");
        client.http().header("Authorization", "Bearer " + access).get(LOGIN + "/services/oauth2/userinfo").then().statusCode(200)
                .body("user_id", equalTo(acme.user("manager@acme.example").orElseThrow().id())).body("organization_id", equalTo(acme.id()))
                .body("preferred_username", equalTo("manager@acme.example")).body("name", equalTo(acme.user("manager@acme.example").orElseThrow().displayName()));
        String id = tokens.jsonPath().getString("id");
        client.http().header("Authorization", "Bearer " + access).get(id.substring(emulator.localBaseUrl().length()))
                .then().statusCode(200).body("username", equalTo("manager@acme.example")).body("id", equalTo(id));
        client.http().header("Authorization", "Bearer " + access).get(LOGIN + "/id/" + acme.id() + "/" + acme.user("rep@acme.example").orElseThrow().id())
                .then().statusCode(403);
        client.http().header("Authorization", "Bearer nope").get(LOGIN + "/services/oauth2/userinfo").then().statusCode(403)
                .body(equalTo("Bad_OAuth_Token"));
    }
}
