package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.emulator.org.SecurityModelUser;
import dev.sfmcp.emulator.org.UserRecord;
import dev.sfmcp.security.org.OrgSecurity;
import dev.sfmcp.security.user.User;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Users: each user's profile, role, permission sets, whether active and API-enabled, and how many live
 * authorizations they hold; "View as" makes the console show data as that user, Activate / Deactivate takes effect
 * on the next token check (an inactive user's tokens are refused at the gateway).
 */
final class UsersPage {

    private final AuthorizationServer authorizationServer;

    UsersPage(AuthorizationServer authorizationServer) {
        this.authorizationServer = authorizationServer;
    }

    String render(ConsoleContext c) {
        Optional<OrgSecurity> security = c.org.data().map(d -> d.security());
        String viewAs = c.viewAs().map(User::username).orElse(null);
        Markup m = new Markup();
        m.element("h1", "Users");
        m.element("p", "Demo users log in with the password 'emulator'. View as: the Data pages show records as that user sees them.",
                "class", "muted");
        m.open("table", "id", "users").open("thead").open("tr");
        for (String h : new String[] {"Name", "Username", "Profile", "Role", "Permission sets", "Status", "API", "Authorizations", "Actions"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        List<OrgUser> users = c.org.users().stream().sorted(Comparator.comparing(OrgUser::username)).toList();
        for (OrgUser user : users) {
            String role = user instanceof SecurityModelUser modelled && modelled.user().roleId() != null
                    ? security.flatMap(s -> s.role(modelled.user().roleId())).map(r -> r.name()).orElse("") : "";
            m.open("tr", "data-user", user.username());
            m.element("td", user.displayName());
            m.open("td").text(user.username());
            if (user.username().equalsIgnoreCase(viewAs)) {
                m.text(" ").element("span", "Viewing as", "class", "badge info");
            }
            m.close("td");
            m.element("td", user.profileName());
            m.element("td", role);
            m.element("td", String.join(", ", user.permissionSetNames()));
            m.open("td").element("span", user.isActive() ? "Active" : "Inactive", "class", user.isActive() ? "badge ok" : "badge off").close("td");
            m.open("td").element("span", user.isApiEnabled() ? "API Enabled" : "No API", "class",
                    user.isApiEnabled() ? "badge ok" : "badge off").close("td");
            m.element("td", authorizationServer.tokens().liveGrantsOf(user.id()).size());
            m.open("td");
            if (security.isPresent()) {
                c.button(m, c.path("users/view-as"), "View as", "", "username", user.username());
            }
            c.button(m, c.path("users/active"), user.isActive() ? "Deactivate" : "Activate", user.isActive() ? "destructive" : "primary",
                    "username", user.username(), "active", String.valueOf(!user.isActive()));
            m.close("td").close("tr").newline();
        }
        m.close("tbody").close("table");
        return ConsoleLayout.page(c, Section.USERS, "Users", m);
    }

    static void viewAs(ConsoleContext c) {
        User user = c.data().security().userByUsername(c.ctx.formParam("username"))
                .orElseThrow(() -> new ConsoleProblem(404, "No user '" + c.ctx.formParam("username") + "' in this org."));
        ConsoleSession.write(c.ctx, ConsoleSession.VIEW_AS_COOKIE, user.username());
        c.redirect(Section.DATA.segment, "The console now shows data as " + user.username() + ".");
    }

    static void setActive(ConsoleContext c) {
        String username = c.ctx.formParam("username");
        boolean active = Boolean.parseBoolean(c.ctx.formParam("active"));
        OrgUser user = c.org.user(username).orElseThrow(() -> new ConsoleProblem(404, "No user '" + username + "' in this org."));
        if (user instanceof SecurityModelUser modelled) {
            c.data().security().putUser(modelled.user().withActive(active));
        } else if (user instanceof UserRecord record) {
            c.org.putUser(record.withActive(active));
        } else {
            throw new ConsoleProblem(409, "User " + username + " cannot be changed here.");
        }
        c.redirect(Section.USERS.segment, user.username() + " is " + (active ? "active." : "inactive."));
    }
}
