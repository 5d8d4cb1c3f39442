package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.oauth.Grant;
import dev.sfmcp.emulator.org.OrgUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OAuth Usage, as Setup's "Connected Apps OAuth Usage": the live authorizations (grants: a user's approval of an app
 * and every token descending from it) of the org, by app and by user, with Revoke for one, all of an app's and all
 * of a user's. A revoked grant's access and refresh tokens stop working at once, so the client's next call gets 401.
 */
final class OAuthUsagePage {

    private final AuthorizationServer authorizationServer;

    OAuthUsagePage(AuthorizationServer authorizationServer) {
        this.authorizationServer = authorizationServer;
    }

    /** The org's live grants, oldest first. */
    private List<Grant> grants(ConsoleContext c) {
        List<Grant> out = new ArrayList<>();
        for (OrgUser user : c.org.users()) {
            out.addAll(authorizationServer.tokens().liveGrantsOf(user.id()));
        }
        out.sort(Comparator.comparing(Grant::createdAt));
        return out;
    }

    String render(ConsoleContext c) {
        List<Grant> grants = grants(c);
        Map<String, List<Grant>> byApp = new TreeMap<>();
        Map<String, List<Grant>> byUser = new TreeMap<>();
        for (Grant g : grants) {
            byApp.computeIfAbsent(g.clientId(), k -> new ArrayList<>()).add(g);
            byUser.computeIfAbsent(g.username(), k -> new ArrayList<>()).add(g);
        }
        Markup m = new Markup();
        m.element("h1", "OAuth Usage");
        m.element("p", "Every live authorization of this org: a user's approval of an app, with the access and refresh tokens "
                + "issued from it. Revoking one ends all of its tokens at once.", "class", "muted");
        if (grants.isEmpty()) {
            m.element("p", "No user has authorized an app yet. Connect a client (see External Client Apps) and log in.",
                    "class", "card", "id", "no-grants");
        }
        for (Map.Entry<String, List<Grant>> app : byApp.entrySet()) {
            String label = c.org.apps().latest(app.getKey()).map(a -> a.label()).orElse(app.getKey());
            m.open("div", "class", "page-header").element("h2", label + " (" + app.getValue().size() + " user authorization"
                    + (app.getValue().size() == 1 ? "" : "s") + ")");
            m.open("div", "class", "actions");
            c.button(m, c.path("oauth-usage/revoke-app"), "Revoke all for this app", "destructive", "app", app.getKey());
            m.close("div").close("div");
            m.open("table", "class", "grants", "data-app", app.getKey()).open("thead").open("tr");
            for (String h : new String[] {"User", "Authorized", "Scopes", "Login host", "Action"}) {
                m.element("th", h);
            }
            m.close("tr").close("thead").open("tbody");
            for (Grant g : app.getValue()) {
                m.open("tr", "data-user", g.username());
                m.element("td", g.username());
                m.element("td", g.createdAt().toString());
                m.element("td", String.join(" ", g.scopes()));
                m.element("td", g.loginHost().prefix());
                m.open("td");
                c.button(m, c.path("oauth-usage/revoke"), "Revoke", "destructive", "grant", g.id());
                m.close("td").close("tr").newline();
            }
            m.close("tbody").close("table");
        }
        if (!byUser.isEmpty()) {
            m.element("h2", "By user");
            m.open("table", "id", "grants-by-user").open("thead").open("tr");
            for (String h : new String[] {"User", "Apps", "Authorizations", "Action"}) {
                m.element("th", h);
            }
            m.close("tr").close("thead").open("tbody");
            for (Map.Entry<String, List<Grant>> user : byUser.entrySet()) {
                Map<String, Boolean> apps = new LinkedHashMap<>();
                user.getValue().forEach(g -> apps.put(g.clientId(), true));
                m.open("tr", "data-user", user.getKey()).element("td", user.getKey())
                        .element("td", String.join(", ", apps.keySet())).element("td", user.getValue().size());
                m.open("td");
                c.button(m, c.path("oauth-usage/revoke-user"), "Revoke all for this user", "destructive", "user", user.getKey());
                m.close("td").close("tr").newline();
            }
            m.close("tbody").close("table");
        }
        return ConsoleLayout.page(c, Section.OAUTH_USAGE, "OAuth Usage", m);
    }

    void revokeGrant(ConsoleContext c) {
        String id = c.ctx.formParam("grant");
        Grant grant = grants(c).stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new ConsoleProblem(404, "That authorization is already revoked or never existed."));
        grant.revocation().revoke();
        c.redirect("oauth-usage", "Revoked the authorization of " + grant.username() + " for " + grant.clientId() + ".");
    }

    void revokeApp(ConsoleContext c) {
        String app = c.ctx.formParam("app");
        int n = 0;
        for (Grant g : grants(c)) {
            if (g.clientId().equals(app)) {
                g.revocation().revoke();
                n++;
            }
        }
        c.redirect("oauth-usage", "Revoked " + n + " authorization" + (n == 1 ? "" : "s") + " of " + app + ".");
    }

    void revokeUser(ConsoleContext c) {
        String username = c.ctx.formParam("user");
        OrgUser user = c.org.user(username).orElseThrow(() -> new ConsoleProblem(404, "No user '" + username + "' in this org."));
        int n = authorizationServer.logout(user.id());
        c.redirect("oauth-usage", "Revoked " + n + " authorization" + (n == 1 ? "" : "s") + " of " + user.username() + ".");
    }
}
