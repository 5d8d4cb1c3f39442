package dev.sfmcp.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the token endpoint answered at the end of an authorization-code + PKCE login.
 *
 * @param accessToken  the bearer token for the MCP endpoint
 * @param refreshToken the refresh token, or null when the app grants none
 * @param instanceUrl  the org's instance URL, or null when absent
 * @param response     the whole token response
 */
public record OAuthTokens(String accessToken, String refreshToken, String instanceUrl, JsonNode response) {
}
