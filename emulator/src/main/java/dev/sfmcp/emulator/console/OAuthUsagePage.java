package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.oauth.IssuedToken;
import dev.sfmcp.emulator.oauth.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OAuth Usage, as Setup's "Connected Apps OAuth Usage": the org's live access and refresh tokens by app, with when each
 * was issued and last used, and Revoke for one token, all of an app's and all of a user's. A revoked token stops
 * working at once, so the client's next MCP call gets 401.
 */
final class OAuthUsagePage {

    private final TokenStore tokens;

    OAuthUsagePage(TokenStore tokens) {
        this.tokens = tokens;
    }

    String render(ConsoleContext c) {
        List<IssuedToken> live = tokens.tokens(c.org.id(), null, null);
        Map<String, List<IssuedToken>> byApp = new TreeMap<>();
        Map<String, TreeSet<String>> appsByUser = new TreeMap<>();
        for (IssuedToken t : live) {
            byApp.computeIfAbsent(t.clientId(), k -> new ArrayList<>()).add(t);
            appsByUser.computeIfAbsent(t.username(), k -> new TreeSet<>()).add(t.clientId());
        }
        Markup m = new Markup();
        m.element("h1", "OAuth Usage");
        m.element("p", "Every live token of this org, newest first. Revoking a refresh token ends its access tokens too.", "class", "muted");
        if (live.isEmpty()) {
            m.element("p", "No live tokens. Connect a client (see External Client Apps) and log in.", "class", "card", "id", "no-tokens");
        }
        for (Map.Entry<String, List<IssuedToken>> app : byApp.entrySet()) {
            String label = c.org.apps().latest(app.getKey()).map(a -> a.label()).orElse(app.getKey());
            long users = app.getValue().stream().map(IssuedToken::username).distinct().count();
            m.open("div", "class", "page-header").element("h2", label + ": " + users + (users == 1 ? " user" : " users"));
            m.open("div", "class", "actions");
            c.button(m, c.path("oauth-usage/revoke-app"), "Revoke all for this app", "destructive", "app", app.getKey());
            m.close("div").close("div");
            m.open("table", "class", "tokens", "data-app", app.getKey()).open("thead").open("tr");
            for (String h : new String[] {"User", "Token", "Issued", "Expires", "Last used", "Scopes", "Action"}) {
                m.element("th", h);
            }
            m.close("tr").close("thead").open("tbody");
            for (IssuedToken t : app.getValue()) {
                m.open("tr", "data-user", t.username(), "data-token", t.id());
                m.element("td", t.username());
                m.open("td").element("span", t.kind() == IssuedToken.Kind.ACCESS ? "Access" : "Refresh", "class", "badge info").close("td");
                m.element("td", ConsoleLayout.when(t.issuedAt()), "title", t.issuedAt().toString());
                m.element("td", t.expiresAt() == null ? "by the app's refresh token policy" : ConsoleLayout.when(t.expiresAt()));
                m.element("td", ConsoleLayout.when(t.lastUsedAt()));
                m.element("td", String.join(" ", t.scopes()));
                m.open("td");
                c.button(m, c.path("oauth-usage/revoke"), "Revoke", "destructive", "token", t.id());
                m.close("td").close("tr").newline();
            }
            m.close("tbody").close("table");
        }
        if (!appsByUser.isEmpty()) {
            m.element("h2", "By user");
            m.open("table", "id", "tokens-by-user").open("thead").open("tr");
            for (String h : new String[] {"User", "Apps", "Action"}) {
                m.element("th", h);
            }
            m.close("tr").close("thead").open("tbody");
            for (Map.Entry<String, TreeSet<String>> user : appsByUser.entrySet()) {
                m.open("tr", "data-user", user.getKey()).element("td", user.getKey()).element("td", String.join(", ", user.getValue()));
                m.open("td");
                c.button(m, c.path("oauth-usage/revoke-user"), "Revoke all for this user", "destructive", "user", user.getKey());
                m.close("td").close("tr").newline();
            }
            m.close("tbody").close("table");
        }
        return ConsoleLayout.page(c, Section.OAUTH_USAGE, "OAuth Usage", m);
    }

    void revokeToken(ConsoleContext c) {
        if (!tokens.revoke(c.org.id(), c.ctx.formParam("token"))) {
            throw new ConsoleProblem(404, "That token is already revoked, expired or never existed in this org.");
        }
        c.redirect(Section.OAUTH_USAGE.segment, "Revoked the token.");
    }

    void revokeApp(ConsoleContext c) {
        String app = required(c, "app");
        int n = tokens.revokeAll(c.org.id(), app, null);
        c.redirect(Section.OAUTH_USAGE.segment, "Revoked " + n + " authorization" + (n == 1 ? "" : "s") + " of " + app + ".");
    }

    void revokeUser(ConsoleContext c) {
        String user = required(c, "user");
        int n = tokens.revokeAll(c.org.id(), null, user);
        c.redirect(Section.OAUTH_USAGE.segment, "Revoked " + n + " authorization" + (n == 1 ? "" : "s") + " of " + user + ".");
    }

    private static String required(ConsoleContext c, String field) {
        String v = c.ctx.formParam(field);
        if (v == null || v.isBlank()) {
            throw new ConsoleProblem(400, "Name the " + field + " whose tokens to revoke.");
        }
        return v;
    }
}
