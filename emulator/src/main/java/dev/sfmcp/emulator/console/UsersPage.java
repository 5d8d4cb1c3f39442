package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.oauth.OAuthError;
import dev.sfmcp.emulator.org.NewUser;
import dev.sfmcp.emulator.org.UserAdministration;
import dev.sfmcp.emulator.org.UserSummary;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.permission.PermissionSet;
import dev.sfmcp.security.permission.Profile;
import dev.sfmcp.security.principal.Role;
import dev.sfmcp.security.user.User;
import java.util.List;

/**
 * Users: each user's profile, role, permission sets, whether active and API-enabled and how many live tokens they
 * hold; New User, Activate / Deactivate (an inactive user's tokens are refused at the gateway at once), assign and
 * remove permission sets, change the role, "View as", which makes the Data pages show records as that user sees
 * them, and "Log in as", which issues the user a token for an app without the login form. Every change goes through the org's {@link UserAdministration}, as the admin API's do.
 */
final class UsersPage {

    private final AuthorizationServer authorizationServer;

    UsersPage(AuthorizationServer authorizationServer) {
        this.authorizationServer = authorizationServer;
    }

    String render(ConsoleContext c) {
        UserAdministration users = UserAdministration.of(c.org, c.orgs);
        OrgSecurity security = c.data().security();
        String viewAs = c.viewAs().map(User::username).orElse(null);
        List<String> permissionSets = security.permissionSets().stream().map(PermissionSet::name).sorted().toList();
        List<String> roles = security.roles().stream().map(Role::name).sorted().toList();
        Markup m = new Markup();
        m.element("h1", "Users");
        m.element("p", "Demo users log in with the password 'emulator'. View as: the Data pages show records as that user sees them.",
                "class", "muted");
        m.open("table", "id", "users").open("thead").open("tr");
        for (String h : new String[] {"Name", "Username", "Profile", "Role", "Permission sets", "Status", "Live tokens", "Actions"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        for (UserSummary user : users.list()) {
            m.open("tr", "data-user", user.username());
            m.element("td", user.name());
            m.open("td").text(user.username());
            if (user.username().equalsIgnoreCase(viewAs)) {
                m.text(" ").element("span", "Viewing as", "class", "badge info");
            }
            m.close("td");
            m.element("td", user.profile());
            m.open("td");
            c.form(m, c.path("users/role"), null).hidden("username", user.username());
            m.open("select", "name", "role", "aria-label", "Role of " + user.username());
            m.element("option", "(no role)", "value", "", "selected", user.role() == null ? "selected" : null);
            for (String role : roles) {
                m.element("option", role, "value", role, "selected", role.equals(user.role()) ? "selected" : null);
            }
            m.close("select").text(" ").element("button", "Save", "type", "submit").close("form");
            m.close("td");
            m.open("td");
            for (String set : user.permissionSets()) {
                m.open("div").text(set + " ");
                c.button(m, c.path("users/permission-sets/remove"), "Remove", "", "username", user.username(), "permissionSet", set);
                m.close("div");
            }
            List<String> assignable = permissionSets.stream().filter(set -> !user.permissionSets().contains(set)).toList();
            if (!assignable.isEmpty()) {
                c.form(m, c.path("users/permission-sets/add"), null).hidden("username", user.username());
                m.open("select", "name", "permissionSet", "aria-label", "Permission set for " + user.username());
                assignable.forEach(set -> m.element("option", set, "value", set));
                m.close("select").text(" ").element("button", "Assign", "type", "submit").close("form");
            }
            m.close("td");
            m.open("td").element("span", user.active() ? "Active" : "Inactive", "class", user.active() ? "badge ok" : "badge off").text(" ")
                    .element("span", user.apiEnabled() ? "API Enabled" : "No API", "class", user.apiEnabled() ? "badge ok" : "badge off")
                    .close("td");
            m.element("td", authorizationServer.tokens().tokens(c.org.id(), null, user.username()).size());
            m.open("td");
            c.button(m, c.path("users/view-as"), "View as", "", "username", user.username());
            logInAsForm(m, c, user.username());
            c.button(m, c.path("users/active"), user.active() ? "Deactivate" : "Activate", user.active() ? "destructive" : "primary",
                    "username", user.username(), "active", String.valueOf(!user.active()));
            m.close("td").close("tr").newline();
        }
        m.close("tbody").close("table");
        newUserForm(m, c, security, roles, permissionSets);
        return ConsoleLayout.page(c, Section.USERS, "Users", m);
    }

    private static void newUserForm(Markup m, ConsoleContext c, OrgSecurity security, List<String> roles, List<String> permissionSets) {
        m.element("h2", "New User");
        c.form(m, c.path("users"), "new-user").open("div", "class", "card").open("div", "class", "form-grid");
        for (String[] field : new String[][] {{"username", "Username", "email"}, {"firstName", "First name", "text"},
                {"lastName", "Last name", "text"}, {"email", "Email", "email"}, {"password", "Password (empty: emulator)", "text"}}) {
            m.element("label", field[1], "for", "new-" + field[0]);
            m.empty("input", "type", field[2], "name", field[0], "id", "new-" + field[0]);
        }
        m.element("label", "Profile", "for", "new-profile").open("select", "name", "profile", "id", "new-profile");
        for (Profile p : security.profiles()) {
            m.element("option", p.name(), "value", p.name(), "selected", p.name().equals("Standard User") ? "selected" : null);
        }
        m.close("select");
        m.element("label", "Role", "for", "new-role").open("select", "name", "role", "id", "new-role").element("option", "(no role)", "value", "");
        roles.forEach(r -> m.element("option", r, "value", r));
        m.close("select");
        m.element("label", "Permission sets", "for", "new-permissionSets")
                .open("select", "name", "permissionSets", "id", "new-permissionSets", "multiple", "multiple", "size", "4");
        permissionSets.forEach(p -> m.element("option", p, "value", p));
        m.close("select").close("div").close("div");
        m.element("button", "Create user", "type", "submit", "class", "primary", "id", "create-user").close("form");
    }

    /** "Log in as": a POST (the token must not travel in a URL) answered by a page showing the issued token. */
    private static void logInAsForm(Markup m, ConsoleContext c, String username) {
        List<String> apps = c.org.apps().consumerKeys();
        if (apps.isEmpty()) {
            return;
        }
        c.form(m, c.path("users/log-in-as"), null).hidden("username", username);
        if (apps.size() == 1) {
            m.hidden("clientId", apps.get(0));
        } else {
            m.open("select", "name", "clientId", "aria-label", "App to log " + username + " in to");
            apps.forEach(key -> m.element("option", key, "value", key));
            m.close("select").text(" ");
        }
        m.element("button", "Log in as", "type", "submit", "data-log-in-as", username).close("form");
    }

    /**
     * Tokens for the user and app without the login form, as Setup's "Log in as" opens a session as the user: the
     * access token and the MCP URL to paste into MCP Inspector, curl or a client's settings. The token endpoint's
     * refusals (inactive user, API disabled, not a permitted user of the app) show as a problem page.
     */
    String logInAs(ConsoleContext c) {
        String username = field(c, "username");
        String clientId = field(c, "clientId");
        if (username == null || clientId == null) {
            throw new ConsoleProblem(400, "Choose a user and an External Client App.");
        }
        ObjectNode issued;
        try {
            issued = authorizationServer.issueWithoutLogin(c.ctx, c.org, username, clientId);
        } catch (OAuthError refused) {
            throw new ConsoleProblem(400, "The login was refused: " + refused.error() + " (" + refused.description() + ").");
        }
        OrgUrls urls = new OrgUrls(c.baseUrl(), c.org);
        String token = issued.path("access_token").asText();
        String mcpUrl = urls.mcp("platform/sobject-all");
        Markup m = new Markup();
        m.element("h1", "Logged in as " + username);
        m.element("p", "An access token of " + clientId + " for " + username + ", issued without the login form. Paste it as "
                + "the Bearer token of MCP Inspector, curl or your client; it is listed under OAuth Usage and can be revoked there.",
                "class", "muted");
        m.open("div", "class", "card", "id", "logged-in-as");
        m.element("h3", "Access token");
        AppsPage.copyable(m, "access-token", token);
        if (issued.hasNonNull("refresh_token")) {
            m.element("h3", "Refresh token");
            AppsPage.copyable(m, "refresh-token", issued.get("refresh_token").asText());
        }
        m.element("h3", "MCP URL (sobject-all)");
        AppsPage.copyable(m, "mcp-url", mcpUrl);
        m.element("h3", "Try it");
        AppsPage.copyable(m, "curl", "curl -s -X POST '" + mcpUrl + "' -H 'Authorization: Bearer " + token + "' "
                + "-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' "
                + "-d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}'");
        m.close("div");
        m.open("p").element("a", "Back to Users", "href", c.path(Section.USERS.segment)).close("p");
        return ConsoleLayout.page(c, Section.USERS, "Logged in as " + username, m, "copy.js");
    }

    static void create(ConsoleContext c) {
        NewUser spec = new NewUser(field(c, "username"), field(c, "firstName"), field(c, "lastName"), field(c, "email"),
                field(c, "profile"), field(c, "role"), c.ctx.formParams("permissionSets"), field(c, "password"), true, null, null);
        UserSummary created = UserAdministration.of(c.org, c.orgs).create(spec);
        c.redirect(Section.USERS.segment, "Created " + created.username() + ".");
    }

    static void viewAs(ConsoleContext c) {
        User user = c.data().security().userByUsername(c.ctx.formParam("username"))
                .orElseThrow(() -> new ConsoleProblem(404, "No user '" + c.ctx.formParam("username") + "' in this org."));
        ConsoleSession.write(c.ctx, ConsoleSession.VIEW_AS_COOKIE, user.username());
        c.redirect(Section.DATA.segment, "The console now shows data as " + user.username() + ".");
    }

    static void setActive(ConsoleContext c) {
        boolean active = Boolean.parseBoolean(c.ctx.formParam("active"));
        UserSummary user = UserAdministration.of(c.org, c.orgs).setActive(field(c, "username"), active);
        c.redirect(Section.USERS.segment, user.username() + " is " + (active ? "active." : "inactive."));
    }

    static void changeRole(ConsoleContext c) {
        UserSummary user = UserAdministration.of(c.org, c.orgs).changeRole(field(c, "username"), field(c, "role"));
        c.redirect(Section.USERS.segment, user.username() + (user.role() == null ? " has no role." : " has the role " + user.role() + "."));
    }

    static void assignPermissionSet(ConsoleContext c, boolean assign) {
        UserAdministration users = UserAdministration.of(c.org, c.orgs);
        String username = field(c, "username");
        String set = field(c, "permissionSet");
        UserSummary user = assign ? users.assignPermissionSet(username, set) : users.unassignPermissionSet(username, set);
        c.redirect(Section.USERS.segment, user.username() + (assign ? " has the permission set " : " no longer has the permission set ")
                + set + ".");
    }

    private static String field(ConsoleContext c, String name) {
        String v = c.ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
