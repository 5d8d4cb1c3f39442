package dev.sfmcp.emulator.oauth;

import dev.sfmcp.emulator.http.BaseUrl;
import dev.sfmcp.emulator.http.GatewayResponses;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.OrgRegistry;
import io.javalin.http.Context;

/**
 * The well-known documents on the one port. The gateway host's ({@code api.salesforce.com}) sit at the root:
 * {@code /.well-known/oauth-protected-resource[/<mcp path>]} and {@code /.well-known/oauth-authorization-server}.
 * Each login host's OpenID configuration is found both path-inserted ({@code /.well-known/openid-configuration/login})
 * and path-appended ({@code /login/.well-known/openid-configuration}), the order RFC 8414 clients try; the login
 * hosts' {@code oauth-authorization-server} answers 404, as login.salesforce.com's does.
 */
public final class DiscoveryEndpoints {

    private final OrgRegistry orgs;
    private final OAuthSettings settings;
    private final DiscoveryDocuments documents = new DiscoveryDocuments();

    public DiscoveryEndpoints(OrgRegistry orgs, OAuthSettings settings) {
        this.orgs = orgs;
        this.settings = settings;
    }

    /** {@code /.well-known/oauth-protected-resource}: the host-root document, still listing the beta scopes. */
    public void rootProtectedResource(Context ctx) {
        String base = base(ctx);
        json(ctx, documents.protectedResource(base, LoginHost.LOGIN.issuer(base), DiscoveryDocuments.BETA_SCOPES).toString());
    }

    /** {@code /.well-known/oauth-protected-resource/<path>}: echoes any path, naming the login host the URL form expects. */
    public void protectedResource(Context ctx) {
        String base = base(ctx);
        String path = "/" + ctx.pathParam("path");
        String resource = base + path;
        String authorizationServer;
        if (settings.prmMode() == PrmMode.SELF && path.startsWith(McpPathParser.PREFIX)) {
            authorizationServer = resource;
        } else {
            McpPathParser.McpPath parsed = McpPathParser.parse(path);
            authorizationServer = LoginHost.forEndpoint(parsed.endpoint()).issuer(base);
        }
        json(ctx, documents.protectedResource(resource, authorizationServer, DiscoveryDocuments.MCP_SCOPES).toString());
    }

    /** {@code /.well-known/oauth-authorization-server}: the gateway host's reduced document. */
    public void rootAuthorizationServer(Context ctx) {
        json(ctx, documents.gatewayAuthorizationServer(LoginHost.LOGIN.issuer(base(ctx))).toString());
    }

    /**
     * {@code /.well-known/oauth-authorization-server/<path>}: in {@code self} mode, the historic path-suffixed document
     * for an MCP URL; a login host's is 404.
     */
    public void suffixedAuthorizationServer(Context ctx) {
        String path = "/" + ctx.pathParam("path");
        if (settings.prmMode() == PrmMode.SELF && path.startsWith(McpPathParser.PREFIX)) {
            McpPathParser.McpPath parsed = McpPathParser.parse(path);
            json(ctx, documents.pathSuffixedAuthorizationServer(LoginHost.forEndpoint(parsed.endpoint()).issuer(base(ctx))).toString());
            return;
        }
        notFound(ctx);
    }

    /** {@code /.well-known/openid-configuration/<login host path>} (path-inserted). */
    public void insertedOpenIdConfiguration(Context ctx) {
        LoginHost host = hostForPath(ctx.pathParam("path"));
        if (host == null) {
            notFound(ctx);
            return;
        }
        openIdConfiguration(ctx, host);
    }

    /** A login host's OpenID configuration. */
    public void openIdConfiguration(Context ctx, LoginHost host) {
        json(ctx, documents.openIdConfiguration(host.issuer(base(ctx)), settings.oidcAdvertisesPkce()).toString());
    }

    /** A login host's {@code oauth-authorization-server}: login.salesforce.com answers 404. */
    public void notFound(Context ctx) {
        GatewayResponses.answer(ctx, 404, "Not Found: " + ctx.path());
    }

    /** The login host a path after a well-known prefix names: {@code login}, {@code test} or {@code d/{myDomain}}. */
    LoginHost hostForPath(String path) {
        if (path.equals("login")) {
            return LoginHost.LOGIN;
        }
        if (path.equals("test")) {
            return LoginHost.SANDBOX;
        }
        if (path.startsWith("d/") && path.indexOf('/', 2) < 0 && orgs.byMyDomain(path.substring(2)).isPresent()) {
            return LoginHost.myDomain(path.substring(2));
        }
        return null;
    }

    private String base(Context ctx) {
        return BaseUrl.of(ctx, settings.publicUrl());
    }

    private static void json(Context ctx, String body) {
        ctx.status(200).contentType("application/json;charset=UTF-8").header("Access-Control-Allow-Origin", "*").result(body);
    }
}
