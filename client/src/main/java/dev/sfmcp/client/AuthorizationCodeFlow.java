package dev.sfmcp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth 2.0 authorization-code flow with PKCE (S256), performed over HTTP exactly as a browser and an MCP client
 * would: {@code GET authorize} with {@code login_hint}, then either the emulator's auto-login redirect or its login
 * form (inputs {@code username} and {@code password}) and any approval page, then {@code POST token} with the code
 * verifier. There is no back door: a login the emulator refuses fails here with what it answered.
 */
public final class AuthorizationCodeFlow {

    /** The scopes a hosted MCP connection asks for. */
    public static final String MCP_SCOPES = "mcp_api refresh_token";

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<(?:input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern PASSWORD_INPUT = Pattern.compile("<input\\b[^>]*type\\s*=\\s*[\"']?password", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALERT = Pattern.compile(
            "<(\\w+)\\b[^>]*(?:role\\s*=\\s*[\"']alert|class\\s*=\\s*[\"'][^\"']*error)[^>]*>(.*?)</\\1>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_STEPS = 8;

    private final String loginUrl;
    private final String clientId;
    private final String redirectUri;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    /**
     * A flow against one login host of the emulator.
     *
     * @param loginUrl    the login host's base URL (the issuer), e.g. {@code http://localhost:32768/login}
     * @param clientId    the External Client App's consumer key
     * @param redirectUri a callback URL registered on that app; it is never called, only matched
     */
    public AuthorizationCodeFlow(String loginUrl, String clientId, String redirectUri) {
        this.loginUrl = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        // Cookies carry the login session from the form to the approval page; redirects are read, never followed,
        // because the last one points at the client's callback, which does not exist.
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Logs a user in and exchanges the code for tokens.
     *
     * @param username the user's username, also sent as {@code login_hint}
     * @param password the user's password, typed into the login form when the emulator shows one
     * @return the token endpoint's answer
     * @throws EmulatorRequestException when any step is refused, with the emulator's answer
     */
    public OAuthTokens login(String username, String password) {
        String verifier = randomToken(48);
        String state = randomToken(16);
        String authorize = loginUrl + "/services/oauth2/authorize?" + form(ordered(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "scope", MCP_SCOPES,
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256",
                "login_hint", username));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        boolean passwordSent = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            int status = response.statusCode();
            URI at = response.request().uri();
            if (status / 100 == 3) {
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new EmulatorRequestException("GET", at.getPath(), status, "redirect without a Location header"));
                URI next = at.resolve(location);
                if (next.toString().startsWith(redirectUri)) {
                    return exchange(callbackCode(next, state), verifier);
                }
                response = send(HttpRequest.newBuilder(next).GET());
            } else if (status == 200 && FORM.matcher(response.body()).find()) {
                boolean asksPassword = PASSWORD_INPUT.matcher(response.body()).find();
                if (asksPassword && passwordSent) {
                    // The login form again after a login: the host refused the credentials and says why.
                    throw new EmulatorRequestException("the login host refused the login for '" + username + "': "
                            + alertText(response.body()), null);
                }
                passwordSent |= asksPassword;
                response = submit(response, username, password);
            } else {
                throw new EmulatorRequestException(response.request().method(), pathAndQuery(at), status, response.body());
            }
        }
        throw new EmulatorRequestException("the login for '" + username + "' did not reach the callback within "
                + MAX_STEPS + " steps (last answer " + response.statusCode() + " from " + response.request().uri() + ")", null);
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String username, String password) {
        Matcher formMatch = FORM.matcher(page.body());
        formMatch.find();
        Map<String, String> formAttributes = attributes(formMatch.group(1));
        Map<String, String> fields = new LinkedHashMap<>();
        boolean submitChosen = false;
        Matcher input = INPUT.matcher(formMatch.group(2));
        while (input.find()) {
            Map<String, String> attrs = attributes(input.group(1));
            String name = attrs.get("name");
            if (name == null || name.isEmpty()) {
                continue;
            }
            String type = attrs.getOrDefault("type", input.group(0).regionMatches(true, 1, "button", 0, 6) ? "submit" : "text")
                    .toLowerCase();
            switch (type) {
                case "submit" -> {
                    // The first named button is the one a person presses first: Log In, then Allow.
                    if (!submitChosen) {
                        fields.put(name, attrs.getOrDefault("value", ""));
                        submitChosen = true;
                    }
                }
                case "checkbox", "radio" -> {
                    if (attrs.containsKey("checked")) {
                        fields.put(name, attrs.getOrDefault("value", "on"));
                    }
                }
                default -> fields.put(name, attrs.getOrDefault("value", ""));
            }
        }
        if (fields.containsKey("username")) {
            fields.put("username", username);
        }
        if (fields.containsKey("password")) {
            fields.put("password", password);
        }
        String action = formAttributes.getOrDefault("action", "");
        URI target = action.isEmpty() ? page.request().uri() : page.request().uri().resolve(action);
        String method = formAttributes.getOrDefault("method", "get").toUpperCase();
        if (method.equals("POST")) {
            return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }
        String separator = target.getQuery() == null ? "?" : "&";
        return send(HttpRequest.newBuilder(URI.create(target + separator + form(fields))).GET());
    }

    private String callbackCode(URI callback, String state) {
        Map<String, String> query = parseQuery(callback.getRawQuery());
        if (query.containsKey("error")) {
            throw new EmulatorRequestException("authorize redirected with error=" + query.get("error")
                    + " error_description=" + query.getOrDefault("error_description", ""), null);
        }
        if (!state.equals(query.get("state"))) {
            throw new EmulatorRequestException("authorize redirected with state '" + query.get("state")
                    + "' instead of the state sent", null);
        }
        String code = query.get("code");
        if (code == null || code.isEmpty()) {
            throw new EmulatorRequestException("authorize redirected to the callback without a code: " + callback, null);
        }
        return code;
    }

    private OAuthTokens exchange(String code, String verifier) {
        String body = form(ordered(
                "grant_type", "authorization_code",
                "code", code,
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "code_verifier", verifier));
        URI token = URI.create(loginUrl + "/services/oauth2/token");
        HttpResponse<String> response = send(HttpRequest.newBuilder(token)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new EmulatorRequestException("POST", token.getPath(), response.statusCode(), response.body());
        }
        JsonNode tokens;
        try {
            tokens = json.readTree(response.body());
        } catch (IOException e) {
            throw new EmulatorRequestException("the token endpoint answered a body that is not JSON: " + response.body(), e);
        }
        String accessToken = tokens.path("access_token").asText(null);
        if (accessToken == null) {
            throw new EmulatorRequestException("POST", token.getPath(), 200, response.body());
        }
        return new OAuthTokens(accessToken, tokens.path("refresh_token").asText(null),
                tokens.path("instance_url").asText(null), tokens);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EmulatorRequestException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorRequestException(built.method() + " " + built.uri() + " was interrupted", e);
        }
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** The S256 code challenge of RFC 7636: BASE64URL(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String alertText(String page) {
        Matcher alert = ALERT.matcher(page);
        if (!alert.find()) {
            return "the login form was shown again (no error message on the page)";
        }
        return unescape(alert.group(2).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim());
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            attrs.put(m.group(1).toLowerCase(), unescape(value));
        }
        // Valueless boolean attributes such as "checked".
        for (String word : tag.split("\\s+")) {
            if (word.matches("[a-zA-Z-]+") && !attrs.containsKey(word.toLowerCase())) {
                attrs.put(word.toLowerCase(), "");
            }
        }
        return attrs;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
