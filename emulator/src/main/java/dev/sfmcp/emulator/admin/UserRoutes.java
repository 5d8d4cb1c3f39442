package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.oauth.OAuthError;
import dev.sfmcp.emulator.org.NewUser;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.emulator.org.SecurityModelUser;
import dev.sfmcp.emulator.org.UserAdministration;
import dev.sfmcp.emulator.org.UserRecord;
import dev.sfmcp.emulator.org.UserSummary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An org's users, as Setup's Users page: {@code GET|POST /_emulator/orgs/{org}/users}, {@code GET|PATCH
 * /_emulator/orgs/{org}/users/{username}} ({@code {"active", "apiEnabled", "roleName"}}), {@code POST|DELETE
 * .../users/{username}/permission-sets/{name}}, {@code POST .../users/{username}/tokens} (Setup's "Log in as": a
 * token response for an app without the login form) and {@code POST .../users/{username}/logout} (single logout).
 */
public final class UserRoutes {

    private static final Set<String> NEW_USER_FIELDS = Set.of("username", "firstName", "lastName", "email", "profile",
            "profileName", "role", "roleName", "permissionSets", "password", "active", "timeZone", "locale");

    private final OrgRegistry orgs;
    private final AuthorizationServer authorizationServer;
    private final ObjectMapper json;

    public UserRoutes(OrgRegistry orgs, AuthorizationServer authorizationServer, ObjectMapper json) {
        this.orgs = orgs;
        this.authorizationServer = authorizationServer;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/orgs/{org}/users", ctx -> ctx.json(Map.of("users",
                users(ctx).list().stream().map(this::view).toList())));
        routes.post("/_emulator/orgs/{org}/users", this::create);
        routes.get("/_emulator/orgs/{org}/users/{username}", ctx -> ctx.json(view(users(ctx).describe(ctx.pathParam("username")))));
        routes.patch("/_emulator/orgs/{org}/users/{username}", this::patch);
        routes.post("/_emulator/orgs/{org}/users/{username}/permission-sets/{name}", ctx -> ctx.json(view(
                users(ctx).assignPermissionSet(ctx.pathParam("username"), ctx.pathParam("name")))));
        routes.delete("/_emulator/orgs/{org}/users/{username}/permission-sets/{name}", ctx -> ctx.json(view(
                users(ctx).unassignPermissionSet(ctx.pathParam("username"), ctx.pathParam("name")))));
        routes.post("/_emulator/orgs/{org}/users/{username}/tokens", this::logInAs);
        routes.post("/_emulator/orgs/{org}/users/{username}/logout", ctx -> {
            OrgUser user = user(org(ctx), ctx.pathParam("username"));
            ctx.json(Map.of("username", user.username(), "revokedGrants", authorizationServer.logout(user.id())));
        });
    }

    /** {@code {"clientId"}} names the app; it may be left out when the org has exactly one. */
    private void logInAs(Context ctx) {
        Org org = org(ctx);
        OrgUser user = user(org, ctx.pathParam("username"));
        JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : AdminRequests.object(ctx, json);
        String clientId = text(body, "clientId");
        if (clientId == null) {
            List<String> keys = org.apps().consumerKeys();
            if (keys.size() != 1) {
                throw new AdminRequestException("'clientId' must name one of the org's External Client Apps " + keys);
            }
            clientId = keys.get(0);
        }
        try {
            ctx.status(201).json(authorizationServer.issueWithoutLogin(ctx, org, user.username(), clientId));
        } catch (OAuthError refused) {
            throw new AdminRequestException(400, refused.error() + ": " + refused.description());
        }
    }

    private Org org(Context ctx) {
        return AdminRequests.org(ctx, orgs);
    }

    private UserAdministration users(Context ctx) {
        return UserAdministration.of(org(ctx), orgs);
    }

    private static OrgUser user(Org org, String username) {
        return org.user(username).orElseThrow(() -> new AdminRequestException(404, "no user '" + username + "' in org " + org.myDomain()));
    }

    private ObjectNode view(UserSummary u) {
        return json.valueToTree(u);
    }

    private void create(Context ctx) {
        JsonNode body = AdminRequests.object(ctx, json);
        body.fieldNames().forEachRemaining(f -> {
            if (!NEW_USER_FIELDS.contains(f)) {
                throw new AdminRequestException("unknown user field '" + f + "'; the fields are " + NEW_USER_FIELDS);
            }
        });
        List<String> sets = new ArrayList<>();
        JsonNode given = body.path("permissionSets");
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isArray()) {
                throw new AdminRequestException("'permissionSets' must be an array of permission set API names");
            }
            given.forEach(n -> sets.add(n.asText()));
        }
        if (body.has("active") && !body.get("active").isBoolean()) {
            throw new AdminRequestException("'active' must be true or false");
        }
        NewUser spec = new NewUser(text(body, "username"), text(body, "firstName"), text(body, "lastName"),
                text(body, "email"), text(body, "profile") != null ? text(body, "profile") : text(body, "profileName"),
                text(body, "role") != null ? text(body, "role") : text(body, "roleName"), sets, text(body, "password"),
                body.path("active").asBoolean(true), text(body, "timeZone"), text(body, "locale"));
        UserSummary created = users(ctx).create(spec);
        ctx.status(201).header("Location", "/_emulator/orgs/" + org(ctx).myDomain() + "/users/" + created.username())
                .json(view(created));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new AdminRequestException("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private void patch(Context ctx) {
        Org org = org(ctx);
        OrgUser user = user(org, ctx.pathParam("username"));
        JsonNode body = AdminRequests.object(ctx, json);
        body.fieldNames().forEachRemaining(f -> {
            if (!Set.of("active", "isActive", "apiEnabled", "roleName", "role").contains(f)) {
                throw new AdminRequestException("unknown user field '" + f + "'; PATCH takes active, apiEnabled and roleName");
            }
        });
        JsonNode active = body.has("active") ? body.get("active") : body.get("isActive");
        if (active != null && !active.isBoolean()) {
            throw new AdminRequestException("'active' must be true or false");
        }
        if (user instanceof SecurityModelUser) {
            patchModelledUser(org, user, body, active);
            ctx.json(view(UserAdministration.of(org, orgs).describe(user.username())));
            return;
        }
        if (!(user instanceof UserRecord record)) {
            throw new AdminRequestException(409, "user " + user.username() + " cannot be changed here");
        }
        if (body.has("roleName") || body.has("role")) {
            throw new AdminRequestException(409, "org " + org.myDomain() + " was built without a fixture: it has no roles");
        }
        if (active != null) {
            record = record.withActive(active.asBoolean());
        }
        if (body.path("apiEnabled").isBoolean()) {
            record = record.withApiEnabled(body.get("apiEnabled").asBoolean());
        }
        org.putUser(record);
        ctx.json(Map.of("username", record.username(), "active", record.isActive(), "apiEnabled", record.isApiEnabled()));
    }

    /**
     * A fixture-loaded user changes in the security model, so tokens, sessions and sharing all see it. API Enabled is
     * not a flag there: it comes from the user's profile and permission sets, so it cannot be set directly.
     */
    private void patchModelledUser(Org org, OrgUser user, JsonNode body, JsonNode active) {
        if (body.has("apiEnabled")) {
            throw new AdminRequestException(409, "API Enabled of " + user.username() + " comes from its profile and permission "
                    + "sets in this org's fixture; change those instead");
        }
        UserAdministration users = UserAdministration.of(org, orgs);
        JsonNode role = body.has("roleName") ? body.get("roleName") : body.get("role");
        if (role != null && !role.isNull() && !role.isTextual()) {
            throw new AdminRequestException("'roleName' must be a role's name, or null for none");
        }
        if (role != null) {
            users.changeRole(user.username(), role.isNull() ? null : role.asText());
        }
        if (active != null) {
            users.setActive(user.username(), active.asBoolean());
        }
    }
}
