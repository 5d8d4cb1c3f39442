package dev.sfmcp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client side of the PKCE flow. Until the emulator's OAuth (issue 6) is in the image, a stand-in login host
 * speaking the documented contract (login form with {@code username}/{@code password}, an approval form, a 302 to
 * the callback, a token endpoint that verifies S256) checks the form handling and the PKCE arithmetic; the
 * container ITs cover the real emulator once it has OAuth.
 */
class AuthorizationCodeFlowTest {

    private static final String CALLBACK = "http://localhost:8765/callback";

    private HttpServer server;
    private final Map<String, String> authorizeQuery = new LinkedHashMap<>();
    private String issuedCode;
    private boolean autoLogin;
    private boolean refuseAtAuthorize;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login/services/oauth2/authorize", this::authorize);
        server.createContext("/login/secur/frontdoor", this::loginForm);
        server.createContext("/login/approve", this::approve);
        server.createContext("/login/services/oauth2/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String loginUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/login";
    }

    @Test
    void theRfc7636ExampleChallenge() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                AuthorizationCodeFlow.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void fillsTheLoginFormApprovesAndExchangesTheCodeWithTheVerifier() {
        OAuthTokens tokens = new AuthorizationCodeFlow(loginUrl(), "demo-client", CALLBACK).login("rep@acme.example", "emulator");
        assertEquals("token-for-rep@acme.example", tokens.accessToken());
        assertEquals("refresh-1", tokens.refreshToken());
        assertEquals("rep@acme.example", authorizeQuery.get("login_hint"));
        assertEquals("S256", authorizeQuery.get("code_challenge_method"));
        assertEquals("mcp_api refresh_token", authorizeQuery.get("scope"));
    }

    @Test
    void followsAnAutoLoginRedirectStraightToTheCallback() {
        autoLogin = true;
        OAuthTokens tokens = new AuthorizationCodeFlow(loginUrl(), "demo-client", CALLBACK).login("admin@acme.example", "ignored");
        assertEquals("token-for-admin@acme.example", tokens.accessToken());
        assertNull(tokens.instanceUrl());
    }

    @Test
    void aRefusedPasswordSaysWhatTheLoginPageSaid() {
        EmulatorRequestException e = assertThrows(EmulatorRequestException.class,
                () -> new AuthorizationCodeFlow(loginUrl(), "demo-client", CALLBACK).login("rep@acme.example", "wrong"));
        assertEquals("the login host refused the login for 'rep@acme.example': Please check your username and password. "
                + "If you still can't log in, contact your Salesforce administrator.", e.getMessage());
    }

    @Test
    void anErrorRedirectSaysWhatTheLoginHostAnswered() {
        refuseAtAuthorize = true;
        EmulatorRequestException e = assertThrows(EmulatorRequestException.class,
                () -> new AuthorizationCodeFlow(loginUrl(), "demo-client", CALLBACK).login("rep@acme.example", "emulator"));
        assertEquals("authorize redirected with error=invalid_request error_description=missing required code challenge",
                e.getMessage());
    }

    @Test
    void aTokenEndpointRefusalCarriesItsStatusAndBody() {
        EmulatorRequestException e = assertThrows(EmulatorRequestException.class,
                () -> new AuthorizationCodeFlow(loginUrl(), "demo-client", "http://localhost:8765/callback?tamper=1")
                        .login("rep@acme.example", "emulator"));
        assertEquals(400, e.status());
        assertTrue(e.body().contains("redirect_uri must match configuration"), e.body());
    }

    // ---- the stand-in login host --------------------------------------------------------------------------

    private void authorize(HttpExchange exchange) throws IOException {
        authorizeQuery.clear();
        authorizeQuery.putAll(parse(exchange.getRequestURI().getRawQuery()));
        if (refuseAtAuthorize) {
            redirect(exchange, authorizeQuery.get("redirect_uri") + "?error=invalid_request"
                    + "&error_description=missing%20required%20code%20challenge&state=" + authorizeQuery.get("state"));
            return;
        }
        if (autoLogin) {
            redirectToCallback(exchange);
            return;
        }
        loginPage(exchange, "");
    }

    private void loginPage(HttpExchange exchange, String alert) throws IOException {
        html(exchange, "<html><body>" + alert + "<form method=\"post\" action=\"/login/secur/frontdoor\">"
                + "<input type=\"hidden\" name=\"startURL\" value=\"/approve?x=1&amp;y=2\">"
                + "<input type=\"text\" name=\"username\" value=\"" + authorizeQuery.get("login_hint") + "\">"
                + "<input type=\"password\" name=\"password\">"
                + "<input type=\"checkbox\" name=\"rememberUn\">"
                + "<input type=\"submit\" name=\"Login\" value=\"Log In\"></form></body></html>");
    }

    private void loginForm(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"/approve?x=1&y=2".equals(form.get("startURL")) || form.containsKey("rememberUn") || !"Log In".equals(form.get("Login"))) {
            html(exchange, "unexpected form fields " + form);
            return;
        }
        if (!"emulator".equals(form.get("password"))) {
            // As the real login page does: the form again, with the reason in an alert.
            loginPage(exchange, "<div id=\"error\" class=\"loginError\" role=\"alert\">Please check your username and password. "
                    + "If you still can&#39;t log in, contact your Salesforce administrator.</div>");
            return;
        }
        redirect(exchange, "/login/approve");
    }

    private void approve(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            html(exchange, "<form action='/login/approve' method='POST'><input type='hidden' name='scopes' value='mcp_api'>"
                    + "<button type='submit' name='decision' value='allow'>Allow</button>"
                    + "<button type='submit' name='decision' value='deny'>Deny</button></form>");
            return;
        }
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"allow".equals(form.get("decision"))) {
            redirect(exchange, authorizeQuery.get("redirect_uri") + "?error=access_denied&state=" + authorizeQuery.get("state"));
            return;
        }
        redirectToCallback(exchange);
    }

    private void redirectToCallback(HttpExchange exchange) throws IOException {
        issuedCode = "code-" + authorizeQuery.get("login_hint");
        redirect(exchange, authorizeQuery.get("redirect_uri") + (authorizeQuery.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + issuedCode + "&state=" + authorizeQuery.get("state"));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String body;
        int status;
        if (!CALLBACK.equals(form.get("redirect_uri"))) {
            status = 400;
            body = "{\"error\":\"redirect_uri_mismatch\",\"error_description\":\"redirect_uri must match configuration\"}";
        } else if (!issuedCode.equals(form.get("code")) || !"authorization_code".equals(form.get("grant_type"))
                || !AuthorizationCodeFlow.challenge(form.get("code_verifier")).equals(authorizeQuery.get("code_challenge"))) {
            status = 400;
            body = "{\"error\":\"invalid_grant\",\"error_description\":\"invalid code verifier\"}";
        } else {
            status = 200;
            body = "{\"access_token\":\"token-for-" + authorizeQuery.get("login_hint") + "\",\"refresh_token\":\"refresh-1\","
                    + "\"token_type\":\"Bearer\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> map = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return map;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }
}
