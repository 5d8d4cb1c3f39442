package dev.sfmcp.emulator.oauth;

import java.util.Map;

/** The texts Setup, the console and the approval page show for OAuth scopes. */
public final class ScopeLabels {

    private static final Map<String, String> LABELS = Map.of(
            "mcp_api", "Access Salesforce hosted MCP servers",
            "refresh_token", "Perform requests at any time",
            "offline_access", "Perform requests at any time",
            "api", "Manage user data via APIs",
            "openid", "Access unique user identifiers",
            "id", "Access the identity URL service",
            "profile", "Access the identity URL service",
            "email", "Access the identity URL service",
            "sfap_api", "Access the Salesforce API Platform",
            "einstein_gpt_api", "Access Einstein GPT services");

    private ScopeLabels() {
    }

    public static String label(String scope) {
        return LABELS.getOrDefault(scope, scope);
    }
}
