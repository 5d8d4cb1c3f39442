package dev.sfmcp.emulator.oauth;

import java.time.Duration;

/**
 * The OAuth layer's switches.
 *
 * @param autoLogin          authorize answers at once with the redirect for the {@code login_hint} user (headless clients)
 * @param prmMode            which authorization server the protected resource metadata names
 * @param oidcAdvertisesPkce the login hosts' OpenID configuration lists {@code code_challenge_methods_supported}
 *                           (the real one does not; MCP clients need it)
 * @param codeLifetime       how long an authorization code stays valid
 * @param publicUrl          the configured public base URL, or null to build it from each request
 */
public record OAuthSettings(boolean autoLogin, PrmMode prmMode, boolean oidcAdvertisesPkce, Duration codeLifetime,
                            String publicUrl) {

    /** Authorization codes live 15 minutes (inferred; Salesforce does not document it). */
    public static final Duration DEFAULT_CODE_LIFETIME = Duration.ofMinutes(15);

    public static OAuthSettings defaults() {
        return new OAuthSettings(false, PrmMode.LOGIN, true, DEFAULT_CODE_LIFETIME, null);
    }
}
