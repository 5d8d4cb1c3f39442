package dev.sfmcp.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.McpServerStates;
import dev.sfmcp.emulator.org.OrgFixtures;
import dev.sfmcp.fixtures.format.FixtureException;
import java.util.LinkedHashMap;
import java.util.List;
import dev.sfmcp.emulator.org.Org;
import dev.sfmcp.emulator.org.OrgRegistry;
import dev.sfmcp.emulator.org.OrgUser;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Orgs and their settings. {@code {org}} is the org's My Domain or Id.
 * <ul>
 *   <li>{@code GET /_emulator/orgs}, {@code GET /_emulator/orgs/{org}}: orgs, delays, apps, servers</li>
 *   <li>{@code POST /_emulator/orgs} (a fixture, or {@code ?path=}), {@code DELETE /_emulator/orgs/{org}},
 *       {@code GET /_emulator/orgs/{org}/export?format=yaml|json}</li>
 *   <li>{@code PUT /_emulator/orgs/{org}/delays} {@code {"appPropagationSeconds":600,"serverActivationSeconds":120}}</li>
 *   <li>{@code GET|PUT|DELETE /_emulator/orgs/{org}/apps/{consumerKey}}: an External Client App in Metadata API field
 *       names; PUT merges the given fields over the current (or default) settings and takes effect after the
 *       propagation delay</li>
 *   <li>{@code GET /_emulator/orgs/{org}/servers}, {@code POST /_emulator/orgs/{org}/servers/{group}/{name}/activate|deactivate}</li>
 * </ul>
 */
public final class OrgRoutes {

    private final OrgRegistry orgs;
    private final OrgFixtures fixtures;
    private final Clock clock;
    private final ObjectMapper json;

    public OrgRoutes(OrgRegistry orgs, OrgFixtures fixtures, Clock clock, ObjectMapper json) {
        this.orgs = orgs;
        this.fixtures = fixtures;
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
        routes.post("/_emulator/orgs", this::load);
        routes.delete("/_emulator/orgs/{org}", ctx -> {
            fixtures.delete(org(ctx));
            ctx.status(204);
        });
        routes.get("/_emulator/orgs/{org}/export", this::export);
        routes.get("/_emulator/orgs/{org}/servers", ctx -> {
            Org org = org(ctx);
            var list = json.createArrayNode();
            for (McpServerStates.ServerStatus s : org.servers().statuses()) {
                ObjectNode node = list.addObject();
                node.put("server", s.server());
                node.put("state", s.state().name());
                node.put("activeFrom", s.activeFrom() == null ? null : s.activeFrom().toString());
            }
            ObjectNode body = json.createObjectNode();
            body.put("now", clock.instant().toString());
            body.put("activationDelaySeconds", org.servers().activationDelay().toSeconds());
            body.set("servers", list);
            ctx.json(body);
        });
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
    }

    private Org org(Context ctx) {
        return AdminRequests.org(ctx, orgs);
    }

    /**
     * Loads a fixture into new orgs: the body is the fixture (YAML, or JSON with a JSON content type), or
     * {@code ?path=} / {@code {"path": ...}} names a file on the emulator's machine. 201 with the org's summary (or
     * {@code {"orgs": [...]}} when the fixture holds several); a fixture mistake is a 400 naming file, line and column.
     */
    private void load(Context ctx) {
        String path = ctx.queryParam("path");
        String body = ctx.body();
        boolean jsonBody = ctx.contentType() != null && ctx.contentType().toLowerCase(java.util.Locale.ROOT).contains("json");
        if (path == null && jsonBody && !body.isBlank()) {
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (IOException e) {
                tree = null; // the fixture parser reports where the JSON breaks
            }
            if (tree != null && tree.isObject() && tree.size() == 1 && tree.path("path").isTextual()) {
                path = tree.get("path").asText();
            }
        }
        List<Org> loaded;
        try {
            if (path != null) {
                loaded = fixtures.load(java.nio.file.Path.of(path));
            } else {
                String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : jsonBody ? "request.json" : "request.yaml";
                loaded = fixtures.load(name, body);
            }
        } catch (FixtureException e) {
            Map<String, Object> error = new LinkedHashMap<>(AdminRequestException.body(400, e.getMessage()));
            error.put("file", e.file());
            error.put("line", e.line());
            error.put("column", e.column());
            error.put("problem", e.problem());
            ctx.status(400).json(error);
            return;
        } catch (java.nio.file.InvalidPathException e) {
            throw new AdminRequestException("'" + path + "' is not a file path");
        }
        ctx.status(201).header("Location", "/_emulator/orgs/" + loaded.get(0).myDomain());
        if (loaded.size() == 1) {
            ctx.json(summary(loaded.get(0)));
        } else {
            var array = json.createArrayNode();
            loaded.forEach(o -> array.add(summary(o)));
            ctx.json(Map.of("orgs", array));
        }
    }

    private void export(Context ctx) {
        Org org = org(ctx);
        OrgFixtures.Format format = OrgFixtures.Format.of(ctx.queryParam("format"));
        String text = fixtures.export(org, format);
        String extension = format == OrgFixtures.Format.JSON ? "json" : "yaml";
        ctx.contentType(format == OrgFixtures.Format.JSON ? "application/json" : "application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + org.myDomain() + "." + extension + "\"")
                .result(text);
    }

    private ObjectNode summary(Org org) {
        ObjectNode node = json.createObjectNode();
        node.put("id", org.id());
        node.put("name", org.name());
        node.put("myDomain", org.myDomain());
        node.put("environment", org.environment().name().toLowerCase());
        node.put("instanceName", org.instanceName());
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

    private JsonNode body(Context ctx) {
        return AdminRequests.object(ctx, json);
    }
}
