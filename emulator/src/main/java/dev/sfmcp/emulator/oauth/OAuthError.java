package dev.sfmcp.emulator.oauth;

/**
 * An OAuth refusal as Salesforce words it: {@code {"error":..., "error_description":...}} with an HTTP status on the
 * token endpoint, or the same pair as query parameters on an authorize redirect. The factories hold the exact strings
 * of the reference's error table so that every surface uses the same words.
 */
public final class OAuthError extends RuntimeException {

    private final String error;
    private final String description;
    private final int status;

    public OAuthError(int status, String error, String description) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    /** The JSON body of the token, revoke and register endpoints. */
    public String json() {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description.replace("\"", "\\\"") + "\"}";
    }

    public static OAuthError authenticationFailure() {
        return new OAuthError(400, "invalid_grant", "authentication failure");
    }

    public static OAuthError expiredToken() {
        return new OAuthError(400, "invalid_grant", "expired access/refresh token");
    }

    public static OAuthError expiredCode() {
        return new OAuthError(400, "invalid_grant", "expired authorization code");
    }

    public static OAuthError invalidCodeVerifier() {
        return new OAuthError(400, "invalid_grant", "invalid code verifier");
    }

    public static OAuthError notApproved() {
        return new OAuthError(400, "invalid_grant", "user hasn't approved this consumer");
    }

    public static OAuthError ipRestricted() {
        return new OAuthError(400, "invalid_grant", "ip restricted");
    }

    /** Client credentials and JWT bearer grants: no grantable scope, since {@code mcp_api} needs a user's consent. */
    public static OAuthError noValidScopes() {
        return new OAuthError(400, "invalid_grant", "no valid scopes defined");
    }

    public static OAuthError unknownClient() {
        return new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }

    public static OAuthError invalidClientCredentials() {
        return new OAuthError(401, "invalid_client", "invalid client credentials");
    }

    public static OAuthError redirectMismatch() {
        return new OAuthError(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
    }

    public static OAuthError invalidScope() {
        return new OAuthError(400, "invalid_scope", "the requested scope is invalid");
    }

    public static OAuthError denied() {
        return new OAuthError(400, "access_denied", "end-user denied authorization");
    }

    public static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type", "grant type not supported");
    }

    public static OAuthError missingGrantType() {
        return new OAuthError(400, "invalid_request", "missing required parameter: grant_type");
    }

    public static OAuthError missingParameter(String name) {
        return new OAuthError(400, "invalid_request", "missing required parameter: " + name);
    }

    public static OAuthError missingCodeChallenge() {
        return new OAuthError(400, "invalid_request", "missing required code challenge");
    }

    /** Inferred wording: the reference lists the code but did not collect a description. */
    public static OAuthError unsupportedChallengeMethod() {
        return new OAuthError(400, "invalid_request", "unsupported code challenge method");
    }

    /** Inferred wording (code from the reference, description not collected). */
    public static OAuthError unsupportedResponseType() {
        return new OAuthError(400, "unsupported_response_type", "response type not supported");
    }

    /** Inferred wording (code from the reference, description not collected). */
    public static OAuthError inactiveUser() {
        return new OAuthError(400, "inactive_user", "user is inactive");
    }

    /** Inferred wording (code from the reference, description not collected). */
    public static OAuthError inactiveOrg() {
        return new OAuthError(400, "inactive_org", "organization is inactive");
    }

    /** Inferred wording: a user without "API Enabled" cannot obtain a token. */
    public static OAuthError apiDisabled() {
        return new OAuthError(400, "unauthorized_client", "user is not api enabled");
    }

    public static OAuthError unsupportedTokenType() {
        return new OAuthError(400, "unsupported_token_type", "this token type is not supported");
    }
}
