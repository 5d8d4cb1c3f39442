package dev.sfmcp.emulator.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.util.ArrayList;
import java.util.List;

/**
 * The client configuration an admin copies out of an External Client App, for one MCP server of the org: the fields of
 * a Claude custom connector, Cursor's {@code .cursor/mcp.json}, MCP Inspector's connection settings and Postman's
 * OAuth 2.0 authorization, each with the org's real URLs and a warning when the app lacks the client's callback URL.
 */
final class ClientSnippets {

    /** One copy-able block. */
    record Snippet(String id, String title, String text, String note) {
    }

    static final String CLAUDE_CALLBACK = "https://claude.ai/api/mcp/auth_callback";
    static final String CURSOR_CALLBACK = "cursor://anysphere.cursor-mcp/oauth/callback";
    static final String INSPECTOR_CALLBACK = "http://localhost:6274/oauth/callback";
    static final String POSTMAN_CALLBACK = "https://oauth.pstmn.io/v1/callback";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClientSnippets() {
    }

    static List<Snippet> of(ExternalClientApp app, OrgUrls urls, String server, String orgName) {
        String mcpUrl = urls.mcp(server);
        String scopes = String.join(" ", app.scopes());
        String secret = app.consumerSecret();
        List<Snippet> out = new ArrayList<>();
        out.add(new Snippet("snippet-claude", "Claude (claude.ai custom connector)",
                "Name: Salesforce (" + orgName + ")\n"
                        + "Remote MCP server URL: " + mcpUrl + "\n"
                        + "OAuth Client ID: " + app.consumerKey() + "\n"
                        + "OAuth Client Secret: " + (secret == null ? "(leave empty)" : secret),
                callbackNote(app, CLAUDE_CALLBACK)));
        ObjectNode cursor = JSON.createObjectNode();
        ObjectNode entry = cursor.putObject("mcpServers").putObject("salesforce");
        entry.put("url", mcpUrl);
        ObjectNode auth = entry.putObject("auth");
        auth.put("CLIENT_ID", app.consumerKey());
        if (secret != null) {
            auth.put("CLIENT_SECRET", secret);
        }
        app.scopes().forEach(auth.putArray("scopes")::add);
        out.add(new Snippet("snippet-cursor", "Cursor (.cursor/mcp.json)", pretty(cursor), callbackNote(app, CURSOR_CALLBACK)));
        out.add(new Snippet("snippet-inspector", "MCP Inspector",
                "Transport Type: Streamable HTTP\n"
                        + "URL: " + mcpUrl + "\n"
                        + "Authentication > OAuth 2.0 Flow\n"
                        + "  Client ID: " + app.consumerKey() + "\n"
                        + (secret == null ? "" : "  Client Secret: " + secret + "\n")
                        + "  Scope: " + scopes + "\n\n"
                        + "CLI: npx @modelcontextprotocol/inspector --cli --transport http --server-url " + mcpUrl
                        + " --client-id " + app.consumerKey() + " --method tools/list",
                callbackNote(app, INSPECTOR_CALLBACK)));
        out.add(new Snippet("snippet-postman", "Postman (Authorization > OAuth 2.0)",
                "Grant type: Authorization Code (With PKCE)\n"
                        + "Callback URL: " + POSTMAN_CALLBACK + " (Authorize using browser)\n"
                        + "Auth URL: " + urls.authorize() + "\n"
                        + "Access Token URL: " + urls.token() + "\n"
                        + "Client ID: " + app.consumerKey() + "\n"
                        + "Client Secret: " + (secret == null ? "(leave empty)" : secret) + "\n"
                        + "Code Challenge Method: SHA-256\n"
                        + "Scope: " + scopes + "\n"
                        + "Client Authentication: Send client credentials in body\n"
                        + "Request URL: POST " + mcpUrl,
                callbackNote(app, POSTMAN_CALLBACK)));
        return out;
    }

    private static String callbackNote(ExternalClientApp app, String callback) {
        return app.callbackUrls().contains(callback) ? null
                : "This app's callback URLs lack " + callback + ": add it above, or the login ends in an error page.";
    }

    private static String pretty(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
