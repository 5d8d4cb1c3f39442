package dev.sfmcp.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A native-app OAuth client as MCP clients are: it listens on a loopback callback, sends the browser to the authorize
 * URL with a PKCE challenge and a state, receives the code on its callback and redeems it with the verifier.
 */
final class LoopbackOAuthClient implements AutoCloseable {

    private final HttpServer server;
    private final String clientId;
    private final String verifier;
    private final String state;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

    LoopbackOAuthClient(String clientId) throws IOException {
        this.clientId = clientId;
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        random.nextBytes(bytes);
        this.state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", exchange -> {
            callback.complete(query(exchange.getRequestURI().getRawQuery()));
            byte[] page = "<!DOCTYPE html><title>Signed in</title><h1 id=\"done\">You can close this window.</h1>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** Where the client sends the browser: the login host's authorize endpoint with PKCE. */
    String authorizeUrl(String loginHost) {
        return loginHost + "/services/oauth2/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
                + enc(callbackUrl()) + "&scope=" + enc("mcp_api refresh_token") + "&state=" + enc(state)
                + "&code_challenge=" + enc(challenge()) + "&code_challenge_method=S256";
    }

    /** Waits for the callback, checks the state, redeems the code; returns the access token. */
    String accessToken(String loginHost) throws Exception {
        Map<String, String> got = callback.get(30, TimeUnit.SECONDS);
        if (!state.equals(got.get("state")) || got.get("code") == null) {
            throw new IllegalStateException("the callback carried " + got);
        }
        String form = "grant_type=authorization_code&code=" + enc(got.get("code")) + "&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(callbackUrl()) + "&code_verifier=" + enc(verifier);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(loginHost + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + " " + response.body());
        }
        return body.path("access_token").asText();
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
