package dev.sfmcp.emulator.oauth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfmcp.emulator.Emulator;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-and-client stand-in for the tests: builds PKCE pairs and authorize URLs, fills the login form and the
 * approval page as a person would (reading the HTML the emulator serves), and redeems codes.
 */
/** Drives the real OAuth flow over HTTP for tests: the login form, PKCE, the code exchange. */
public final class OAuthTestClient {

    static final String REDIRECT = "http://localhost:8765/callback";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form [^>]*action=\"([^\"]+)\"");

    final Emulator emulator;

    public OAuthTestClient(Emulator emulator) {
        this.emulator = emulator;
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    RequestSpecification http() {
        return given().baseUri(emulator.localBaseUrl())
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    /** Authorize parameters for a client, with PKCE. */
    static Map<String, String> authorizeParams(String clientId, Pkce pkce, String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        if (pkce != null) {
            p.put("code_challenge", pkce.challenge());
            p.put("code_challenge_method", "S256");
        }
        if (scope != null) {
            p.put("scope", scope);
        }
        p.put("state", "st-" + System.identityHashCode(p));
        return p;
    }

    Response getAuthorize(String hostPrefix, Map<String, String> params) {
        return http().queryParams(params).get(hostPrefix + "/services/oauth2/authorize");
    }

    /** Submits the form in an HTML page (hidden fields plus the given ones) to its action. */
    Response submit(String html, Map<String, String> fields) {
        Matcher action = ACTION.matcher(html);
        assertTrue(action.find(), "the page has a form: " + html);
        Map<String, String> form = hiddenFields(html);
        form.putAll(fields);
        return http().contentType("application/x-www-form-urlencoded").formParams(form).post(unescape(action.group(1)));
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return out;
    }

    /** Logs in through the form and approves if asked; returns the final redirect. */
    Response logIn(String hostPrefix, Map<String, String> params, String username, String password) {
        Response page = getAuthorize(hostPrefix, params);
        assertEquals(200, page.statusCode(), page.asString());
        Response after = submit(page.asString(), Map.of("username", username, "password", password));
        if (after.statusCode() == 200 && after.asString().contains("Allow Access?")) {
            after = submit(after.asString(), Map.of("approve", "Allow"));
        }
        return after;
    }

    /** The query parameters of a redirect's Location. */
    static Map<String, String> redirectParams(Response redirect) {
        assertEquals(302, redirect.statusCode(), redirect.asString());
        String location = redirect.header("Location");
        assertNotNull(location);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("_target", location.contains("?") ? location.substring(0, location.indexOf('?')) : location);
        String query = URI.create(location).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Logs in and returns the code. */
    String code(String hostPrefix, String clientId, Pkce pkce, String username) {
        Map<String, String> redirect = redirectParams(logIn(hostPrefix, authorizeParams(clientId, pkce, null), username, "emulator"));
        assertNotNull(redirect.get("code"), "no code in " + redirect);
        return redirect.get("code");
    }

    Response exchange(String hostPrefix, String clientId, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        form.put("redirect_uri", REDIRECT);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http().contentType("application/x-www-form-urlencoded").formParams(form).post(hostPrefix + "/services/oauth2/token");
    }

    Response refresh(String hostPrefix, String clientId, String refreshToken) {
        return http().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId))
                .post(hostPrefix + "/services/oauth2/token");
    }

    /** The whole flow for a user; returns the token response. */
    Response tokens(String hostPrefix, String clientId, String username) {
        Pkce pkce = Pkce.create();
        String code = code(hostPrefix, clientId, pkce, username);
        return exchange(hostPrefix, clientId, code, pkce.verifier());
    }

    /** The token endpoint's whole answer (access and refresh token) for {@code username}, through the login form. */
    public Response tokenResponse(String hostPrefix, String clientId, String username) {
        Response r = tokens(hostPrefix, clientId, username);
        assertEquals(200, r.statusCode(), r.asString());
        return r;
    }

    /** A refresh-token grant, answered as the token endpoint answers it. */
    public Response refreshGrant(String hostPrefix, String clientId, String refreshToken) {
        return refresh(hostPrefix, clientId, refreshToken);
    }

    /** An access token for {@code username}, through the login form of the issuer at {@code hostPrefix} ({@code /login}). */
    public String accessToken(String hostPrefix, String clientId, String username) {
        Response r = tokens(hostPrefix, clientId, username);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getString("access_token");
    }

    /** An MCP initialize with a bearer token. */
    Response initialize(String mcpPath, String token) {
        return http().contentType("application/json").accept("application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
                .post(mcpPath);
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
