package dev.sfmcp.emulator.oauth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import dev.sfmcp.emulator.EmulatorConfig;
import dev.sfmcp.emulator.Option;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Odd and hostile requests to the OAuth endpoints get an OAuth answer (4xx), never a 500 or a stack trace. */
class OAuthBadInputHttpTest {

    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = new Emulator(EmulatorConfig.defaults().with(Option.PORT, "0").with(Option.AUTO_LOGIN, "true")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "POST | /login/services/oauth2/token              | application/json                  | {\"grant_type\":\"authorization_code\"} |   | 400",
        "POST | /login/services/oauth2/token              | application/x-www-form-urlencoded | grant_type=authorization_code&client_id=sfmcp-demo-client | | 400",
        "POST | /login/services/oauth2/token              | application/x-www-form-urlencoded | grant_type=authorization_code&client_id=sfmcp-demo-client&code=x&redirect_uri=%ZZ | | 400",
        "POST | /login/services/oauth2/token              | application/x-www-form-urlencoded | grant_type=refresh_token&client_id=sfmcp-demo-client | | 400",
        "POST | /login/services/oauth2/token              | application/x-www-form-urlencoded | grant_type=authorization_code&code=x | Basic !!notbase64 | 401",
        "POST | /login/services/oauth2/token              | application/x-www-form-urlencoded | grant_type=authorization_code&code=x | Basic bm9jb2xvbg== | 401",
        "GET  | /login/services/oauth2/authorize          |                                   |                                 |   | 400",
        "GET  | /login/services/oauth2/authorize?client_id=sfmcp-demo-client | |                             |   | 400",
        "GET  | /login/services/oauth2/authorize?client_id=sfmcp-demo-client&redirect_uri=http://localhost:8765/callback&login_hint=%00 | | | | 302",
        "POST | /login/services/oauth2/authorize          | application/x-www-form-urlencoded | step=approve&ticket=nope&client_id=sfmcp-demo-client&redirect_uri=http://localhost:8765/callback&response_type=code&code_challenge=abc&code_challenge_method=S256 | | 200",
        "POST | /login/services/oauth2/authorize          | application/x-www-form-urlencoded | step=login&client_id=sfmcp-demo-client&redirect_uri=http://localhost:8765/callback&response_type=code&code_challenge=abc&code_challenge_method=S256 | | 200",
        "POST | /login/services/oauth2/revoke             | application/x-www-form-urlencoded |                                 |   | 400",
        "GET  | /login/services/oauth2/userinfo           |                                   |                                 | Bearer a.b.c | 403",
        "GET  | /login/id/00DKd000001ACME/005Kd000001REPA |                                   |                                 |   | 403",
        "GET  | /login/id/nonsense/x                      |                                   |                                 | Bearer x | 403",
        "POST | /login/services/oauth2/introspect         | application/x-www-form-urlencoded | token=x                          |   | 400",
        "GET  | /d/ACME/.well-known/openid-configuration  |                                   |                                 |   | 200",
        "GET  | /d/no-such-org/services/oauth2/authorize  |                                   |                                 |   | 404",
        "GET  | /.well-known/oauth-protected-resource/%2e%2e/x |                              |                                 |   | 200",
    })
    void oddRequestsGetOAuthAnswers(String method, String path, String contentType, String body, String authorization, int status) {
        var request = given().baseUri(emulator.localBaseUrl()).redirects().follow(false).urlEncodingEnabled(false);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Response r = request.request(method, path);
        assertTrue(r.statusCode() == status, "expected " + status + " but got " + r.statusCode() + ": " + r.asString());
        assertFalse(r.asString().contains("Exception") || r.asString().contains("\tat "), r.asString());
    }
}
