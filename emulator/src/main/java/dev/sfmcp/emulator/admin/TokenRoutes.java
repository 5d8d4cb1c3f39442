package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.oauth.IssuedToken;
import dev.sfmcp.emulator.oauth.TokenStore;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/**
 * OAuth Usage, as Setup shows it: {@code GET /_emulator/orgs/{org}/oauth/tokens?app=&user=} lists live tokens (by
 * id, never their value), {@code DELETE .../oauth/tokens/{id}} revokes one, {@code DELETE .../oauth/tokens?app=|user=}
 * revokes every token of an app, a user, or a user for one app.
 */
public final class TokenRoutes {

    private final OrgRegistry orgs;
    private final TokenStore tokens;
    private final ObjectMapper json;

    public TokenRoutes(OrgRegistry orgs, TokenStore tokens, ObjectMapper json) {
        this.orgs = orgs;
        this.tokens = tokens;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/orgs/{org}/oauth/tokens", this::list);
        routes.delete("/_emulator/orgs/{org}/oauth/tokens", this::revokeAll);
        routes.delete("/_emulator/orgs/{org}/oauth/tokens/{id}", ctx -> {
            Org org = AdminRequests.org(ctx, orgs);
            if (!tokens.revoke(org.id(), ctx.pathParam("id"))) {
                throw new AdminRequestException(404, "no live token with id '" + ctx.pathParam("id") + "' in org " + org.myDomain());
            }
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        Org org = AdminRequests.org(ctx, orgs);
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("tokens");
        for (IssuedToken t : tokens.tokens(org.id(), blankToNull(ctx.queryParam("app")), blankToNull(ctx.queryParam("user")))) {
            ObjectNode node = list.addObject();
            node.put("id", t.id());
            node.put("kind", t.kind().name().toLowerCase());
            node.put("app", t.clientId());
            node.put("appName", org.apps().latest(t.clientId()).map(a -> a.label()).orElse(null));
            node.put("userId", t.userId());
            node.put("user", t.username());
            ArrayNode scopes = node.putArray("scopes");
            t.scopes().forEach(scopes::add);
            node.put("issued", iso(t.issuedAt()));
            node.put("expires", iso(t.expiresAt()));
            node.put("lastUsed", iso(t.lastUsedAt()));
            node.put("grantId", t.grantId());
        }
        body.put("count", list.size());
        ctx.json(body);
    }

    private void revokeAll(Context ctx) {
        Org org = AdminRequests.org(ctx, orgs);
        String app = blankToNull(ctx.queryParam("app"));
        String user = blankToNull(ctx.queryParam("user"));
        if (app == null && user == null) {
            throw new AdminRequestException("name whose tokens to revoke: ?app=<consumer key>, ?user=<username> or both");
        }
        ctx.json(Map.of("revokedGrants", tokens.revokeAll(org.id(), app, user)));
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
