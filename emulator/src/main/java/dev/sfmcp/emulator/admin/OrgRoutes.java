package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.oauth.AuthorizationServer;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.emulator.org.SecurityModelUser;
import dev.sfmcp.emulator.org.UserRecord;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The minimal org admin API the OAuth work needs (the full admin API comes later). {@code {org}} is the org's My
 * Domain or Id.
 * <ul>
 *   <li>{@code GET /_emulator/orgs}, {@code GET /_emulator/orgs/{org}}: orgs, delays, apps, servers</li>
 *   <li>{@code PUT /_emulator/orgs/{org}/delays} {@code {"appPropagationSeconds":600,"serverActivationSeconds":120}}</li>
 *   <li>{@code GET|PUT|DELETE /_emulator/orgs/{org}/apps/{consumerKey}}: an External Client App in Metadata API field
 *       names; PUT merges the given fields over the current (or default) settings and takes effect after the
 *       propagation delay</li>
 *   <li>{@code POST /_emulator/orgs/{org}/servers/{group}/{name}/activate|deactivate}</li>
 *   <li>{@code PATCH /_emulator/orgs/{org}/users/{username}} {@code {"active":false,"apiEnabled":false}}</li>
 *   <li>{@code POST /_emulator/orgs/{org}/users/{username}/logout}: single logout, revokes every token of the user</li>
 * </ul>
 */
public final class OrgRoutes {

    private final OrgRegistry orgs;
    private final AuthorizationServer authorizationServer;
    private final Clock clock;
    private final ObjectMapper json;

    public OrgRoutes(OrgRegistry orgs, AuthorizationServer authorizationServer, Clock clock, ObjectMapper json) {
        this.orgs = orgs;
        this.authorizationServer = authorizationServer;
        this.clock = clock;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/_emulator/orgs", ctx -> {
            var array = json.createArrayNode();
            orgs.all().forEach(o -> array.add(summary(o)));
            ctx.json(array);
        });
        routes.get("/_emulator/orgs/{org}", ctx -> ctx.json(summary(org(ctx))));
        routes.put("/_emulator/orgs/{org}/delays", this::delays);
        routes.get("/_emulator/orgs/{org}/apps/{consumerKey}", ctx -> ctx.json(appView(org(ctx), ctx.pathParam("consumerKey"))));
        routes.put("/_emulator/orgs/{org}/apps/{consumerKey}", this::putApp);
        routes.delete("/_emulator/orgs/{org}/apps/{consumerKey}", ctx -> {
            if (!org(ctx).apps().remove(ctx.pathParam("consumerKey"))) {
                throw new AdminRequestException(404, "no External Client App '" + ctx.pathParam("consumerKey") + "'");
            }
            ctx.status(204);
        });
        routes.post("/_emulator/orgs/{org}/servers/{group}/{name}/activate", ctx -> server(ctx, true));
        routes.post("/_emulator/orgs/{org}/servers/{group}/{name}/deactivate", ctx -> server(ctx, false));
        routes.patch("/_emulator/orgs/{org}/users/{username}", this::patchUser);
        routes.post("/_emulator/orgs/{org}/users/{username}/logout", ctx -> {
            OrgUser user = user(org(ctx), ctx.pathParam("username"));
            ctx.json(Map.of("username", user.username(), "revokedGrants", authorizationServer.logout(user.id())));
        });
    }

    private Org org(Context ctx) {
        return AdminRequests.org(ctx, orgs);
    }

    private static OrgUser user(Org org, String username) {
        return org.user(username).orElseThrow(() -> new AdminRequestException(404, "no user '" + username + "' in org " + org.myDomain()));
    }

    private ObjectNode summary(Org org) {
        ObjectNode node = json.createObjectNode();
        node.put("id", org.id());
        node.put("name", org.name());
        node.put("myDomain", org.myDomain());
        node.put("environment", org.environment().name().toLowerCase());
        node.put("instanceName", org.instanceName());
        node.put("catalogVariant", org.catalogVariant().orElse(null));
        node.put("appPropagationSeconds", org.apps().propagationDelay().toSeconds());
        node.put("serverActivationSeconds", org.servers().activationDelay().toSeconds());
        var apps = node.putArray("apps");
        org.apps().consumerKeys().forEach(apps::add);
        ObjectNode servers = node.putObject("servers");
        org.servers().snapshot().forEach((s, state) -> servers.put(s, state.name()));
        var users = node.putArray("users");
        org.users().stream().map(OrgUser::username).sorted().forEach(users::add);
        return node;
    }

    private void delays(Context ctx) {
        Org org = org(ctx);
        JsonNode body = body(ctx);
        if (body.has("appPropagationSeconds")) {
            org.apps().setPropagationDelay(seconds(body, "appPropagationSeconds"));
        }
        if (body.has("serverActivationSeconds")) {
            org.servers().setActivationDelay(seconds(body, "serverActivationSeconds"));
        }
        ctx.json(summary(org));
    }

    private static Duration seconds(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isNumber() || v.asLong() < 0) {
            throw new AdminRequestException("'" + field + "' must be a number of seconds, 0 or more");
        }
        return Duration.ofSeconds(v.asLong());
    }

    private ObjectNode appView(Org org, String consumerKey) {
        ExternalClientApp latest = org.apps().latest(consumerKey)
                .orElseThrow(() -> new AdminRequestException(404, "no External Client App '" + consumerKey + "'"));
        ObjectNode node = json.createObjectNode();
        node.set("app", json.valueToTree(latest));
        node.put("effectiveFrom", org.apps().latestEffectiveFrom(consumerKey).orElseThrow().toString());
        node.put("inEffect", org.apps().effective(consumerKey).map(latest::equals).orElse(false));
        return node;
    }

    private void putApp(Context ctx) {
        Org org = org(ctx);
        String consumerKey = ctx.pathParam("consumerKey");
        ExternalClientApp current = org.apps().latest(consumerKey).orElseGet(() -> ExternalClientApp.builder(consumerKey).build());
        ObjectNode merged = json.valueToTree(current);
        JsonNode body = body(ctx);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!merged.has(field.getKey())) {
                throw new AdminRequestException("unknown External Client App field '" + field.getKey() + "'");
            }
            merged.set(field.getKey(), field.getValue());
        }
        merged.put("consumerKey", consumerKey);
        ExternalClientApp app;
        try {
            app = json.treeToValue(merged, ExternalClientApp.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new AdminRequestException("invalid External Client App: " + cause.getMessage());
        }
        org.apps().deploy(app);
        ctx.json(appView(org, consumerKey));
    }

    private void server(Context ctx, boolean activate) {
        Org org = org(ctx);
        String server = ctx.pathParam("group") + "/" + ctx.pathParam("name");
        if (!McpPathParser.sobjectServers().contains(server)) {
            throw new AdminRequestException(404, "no standard MCP server '" + server + "'");
        }
        if (activate) {
            org.servers().activate(server);
        } else {
            org.servers().deactivate(server);
        }
        ctx.json(Map.of("server", server, "state", org.servers().state(server).name(), "now", clock.instant().toString()));
    }

    private void patchUser(Context ctx) {
        Org org = org(ctx);
        OrgUser user = user(org, ctx.pathParam("username"));
        JsonNode body = body(ctx);
        if (user instanceof SecurityModelUser modelled) {
            patchModelledUser(org, modelled, body);
            ctx.json(Map.of("username", user.username(), "active", user.isActive(), "apiEnabled", user.isApiEnabled()));
            return;
        }
        if (!(user instanceof UserRecord record)) {
            throw new AdminRequestException(409, "user " + user.username() + " cannot be changed here");
        }
        if (body.path("active").isBoolean()) {
            record = record.withActive(body.get("active").asBoolean());
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
    private static void patchModelledUser(Org org, SecurityModelUser user, JsonNode body) {
        if (body.has("apiEnabled")) {
            throw new AdminRequestException(409, "API Enabled of " + user.username() + " comes from its profile and permission "
                    + "sets in this org's fixture; change those instead");
        }
        if (body.has("active")) {
            if (!body.get("active").isBoolean()) {
                throw new AdminRequestException("'active' must be true or false");
            }
            var security = org.data().orElseThrow().security();
            security.putUser(user.user().withActive(body.get("active").asBoolean()));
        }
    }

    private JsonNode body(Context ctx) {
        return AdminRequests.object(ctx, json);
    }
}
