package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.Environment;
import dev.sfmcp.emulator.http.McpEndpoint;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import java.util.Optional;

/**
 * The gateway's token check, as the real gateway does it: a bearer JWT (an opaque session token is refused), valid
 * signature and lifetime, not revoked, scope {@code mcp_api} (the retired beta scopes alone do not do), a still
 * active user, and a token of the org and environment the URL addresses. Every refusal is the gateway's one 401,
 * "JWT Token is required".
 */
public final class OAuthGatewayAuthenticator implements GatewayAuthenticator {

    /** The scope hosted MCP requires. */
    public static final String MCP_SCOPE = "mcp_api";

    private final OrgRegistry orgs;
    private final AccessTokenVerifier verifier;

    public OAuthGatewayAuthenticator(OrgRegistry orgs, AccessTokenVerifier verifier) {
        this.orgs = orgs;
        this.verifier = verifier;
    }

    @Override
    public Principal authenticate(McpEndpoint endpoint, String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw GatewayRejection.noToken();
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw GatewayRejection.invalidToken();
        }
        String token = authorizationHeader.substring(7).trim();
        if (!AccessTokenVerifier.looksLikeJwt(token)) {
            throw GatewayRejection.invalidToken();
        }
        AccessToken record = verifier.verifyJwt(token).orElseThrow(GatewayRejection::invalidToken);
        Grant grant = record.grant();
        if (!grant.scopes().contains(MCP_SCOPE)) {
            throw GatewayRejection.invalidToken();
        }
        Org org = orgs.byId(grant.orgId()).orElseThrow(GatewayRejection::invalidToken);
        Optional<OrgUser> user = org.userById(grant.userId());
        if (user.isEmpty() || !user.get().isActive() || !user.get().isApiEnabled()) {
            throw GatewayRejection.invalidToken();
        }
        if (endpoint != null && !servesOrg(endpoint, org)) {
            throw GatewayRejection.invalidToken();
        }
        return new Principal(org.id(), grant.userId(), grant.username(), grant.clientId(), grant.scopeSet());
    }

    /** Whether the URL form addresses this org: its environment, and for the {@code /d/} forms its My Domain. */
    static boolean servesOrg(McpEndpoint endpoint, Org org) {
        if (endpoint.orgQualified()) {
            return org.myDomain().equals(endpoint.myDomainLabel()) && org.environment() == endpoint.environment();
        }
        return endpoint.environment() == Environment.SANDBOX
                ? org.environment().usesSandboxLogin()
                : !org.environment().usesSandboxLogin();
    }
}
