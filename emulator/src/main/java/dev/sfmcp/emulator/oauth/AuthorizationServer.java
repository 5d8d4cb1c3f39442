package dev.sfmcp.emulator.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.BaseUrl;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * The emulated authorization servers, wired together and routed: discovery at the root (the gateway host's role) and
 * the login hosts under {@code /login} (login.salesforce.com), {@code /test} (test.salesforce.com) and
 * {@code /d/{myDomain}} (each org's My Domain), each with authorize, token, revoke, userinfo, register, the identity
 * URL, the JWKS and introspection.
 */
public final class AuthorizationServer {

    private final OrgRegistry orgs;
    private final String publicUrl;
    private final TokenStore store;
    private final AccessTokenVerifier verifier;
    private final Approvals approvals = new Approvals();
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final IdentityEndpoints identity;
    private final DiscoveryEndpoints discovery;

    public AuthorizationServer(Clock clock, OrgRegistry orgs, OAuthSettings settings) {
        this.orgs = orgs;
        this.publicUrl = settings.publicUrl();
        this.store = new TokenStore(clock);
        this.verifier = new AccessTokenVerifier(clock, orgs, store);
        AuthorizationCodes codes = new AuthorizationCodes(clock, settings.codeLifetime());
        AccessTokenMinter minter = new AccessTokenMinter(clock, store, verifier::remember);
        this.authorize = new AuthorizeEndpoint(clock, orgs, codes, approvals, settings.autoLogin());
        this.token = new TokenEndpoint(clock, orgs, codes, store, minter, settings.publicUrl());
        this.identity = new IdentityEndpoints(clock, orgs, store, verifier, settings.publicUrl());
        this.discovery = new DiscoveryEndpoints(orgs, settings);
    }

    /** The gateway's authenticator over this server's tokens. */
    public GatewayAuthenticator gatewayAuthenticator() {
        return new OAuthGatewayAuthenticator(orgs, verifier);
    }

    public TokenStore tokens() {
        return store;
    }

    public AccessTokenVerifier verifier() {
        return verifier;
    }

    /**
     * Setup's "Log in as": the token response (access token, refresh token where the app grants one, instance URL) for
     * {@code username} and the app {@code consumerKey} in force, without the login form. Refusals are the token
     * endpoint's ({@link OAuthError}: inactive user, API disabled, not a permitted user of the app, unknown app).
     */
    public ObjectNode issueWithoutLogin(Context ctx, Org org, String username, String consumerKey) {
        OrgUser user = org.user(username).orElseThrow(OAuthError::authenticationFailure);
        var app = org.apps().effective(consumerKey).orElseThrow(OAuthError::unknownClient);
        return token.issueWithoutLogin(BaseUrl.of(ctx, publicUrl), org, user, app);
    }

    /** Single logout: every token of the user stops working and their app approvals are forgotten. */
    public int logout(String userId) {
        approvals.forget(userId);
        return store.revokeAllOf(userId);
    }

    public void register(RoutesConfig routes) {
        routes.get("/.well-known/oauth-protected-resource", discovery::rootProtectedResource);
        routes.get("/.well-known/oauth-protected-resource/<path>", discovery::protectedResource);
        routes.get("/.well-known/oauth-authorization-server", discovery::rootAuthorizationServer);
        routes.get("/.well-known/oauth-authorization-server/<path>", discovery::suffixedAuthorizationServer);
        routes.get("/.well-known/openid-configuration/<path>", discovery::insertedOpenIdConfiguration);
        for (String prefix : new String[] {"/login", "/test", "/d/{myDomain}"}) {
            loginHostRoutes(routes, prefix);
        }
    }

    private void loginHostRoutes(RoutesConfig routes, String prefix) {
        on(routes, HandlerType.GET, prefix + "/.well-known/openid-configuration", discovery::openIdConfiguration);
        on(routes, HandlerType.GET, prefix + "/.well-known/oauth-authorization-server", (ctx, host) -> discovery.notFound(ctx));
        on(routes, HandlerType.GET, prefix + "/services/oauth2/authorize", authorize::handle);
        on(routes, HandlerType.POST, prefix + "/services/oauth2/authorize", authorize::handle);
        on(routes, HandlerType.POST, prefix + "/services/oauth2/token", token::handle);
        on(routes, HandlerType.POST, prefix + "/services/oauth2/revoke", (ctx, host) -> identity.revoke(ctx));
        on(routes, HandlerType.GET, prefix + "/services/oauth2/revoke", (ctx, host) -> identity.revoke(ctx));
        on(routes, HandlerType.POST, prefix + "/services/oauth2/register", (ctx, host) -> identity.register(ctx));
        on(routes, HandlerType.POST, prefix + "/services/oauth2/introspect", identity::introspect);
        on(routes, HandlerType.GET, prefix + "/services/oauth2/userinfo", identity::userinfo);
        on(routes, HandlerType.POST, prefix + "/services/oauth2/userinfo", identity::userinfo);
        on(routes, HandlerType.GET, prefix + "/id/keys", identity::keys);
        on(routes, HandlerType.GET, prefix + "/id/{orgId}/{userId}", identity::identity);
        on(routes, HandlerType.POST, prefix + "/id/{orgId}/{userId}", identity::identity);
    }

    private void on(RoutesConfig routes, HandlerType method, String path, BiConsumer<Context, LoginHost> handler) {
        routes.addHttpHandler(method, path, ctx -> {
            LoginHost host = hostOf(ctx, path);
            if (host == null) {
                discovery.notFound(ctx);
                return;
            }
            handler.accept(ctx, host);
        });
    }

    private LoginHost hostOf(Context ctx, String route) {
        if (route.startsWith("/login/")) {
            return LoginHost.LOGIN;
        }
        if (route.startsWith("/test/")) {
            return LoginHost.SANDBOX;
        }
        String domain = ctx.pathParam("myDomain").toLowerCase();
        return orgs.byMyDomain(domain).isPresent() ? LoginHost.myDomain(domain) : null;
    }
}
