package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.McpServerStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * MCP Servers: the org's four standard servers with their state (Active; Pending activation with the time left;
 * Inactive), their URL, and Activate / Deactivate buttons. Activation takes the org's activation delay on the
 * emulator's clock, as Setup's "it can take a few minutes" does.
 */
final class ServersPage {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "platform/sobject-reads", "Query, search and read records and object schemas.",
            "platform/sobject-mutations", "Create and update records, with the read tools.",
            "platform/sobject-deletes", "Delete records, with the read tools.",
            "platform/sobject-all", "Every sObject tool: reads, mutations and deletes.");

    private ServersPage() {
    }

    static String render(ConsoleContext c) {
        McpServerStates states = c.org.servers();
        OrgUrls urls = new OrgUrls(c.baseUrl(), c.org);
        Markup m = new Markup();
        m.element("h1", "MCP Servers");
        m.element("p", "Standard servers are off until an admin activates them. Activation delay in this org: "
                + describe(states.activationDelay()) + ".", "class", "muted");
        m.open("div", "class", "tiles");
        DelayForm.render(m, c, "servers/delay", "Activation delay (seconds) ", states.activationDelay());
        m.close("div");
        m.open("table", "id", "servers").open("thead").open("tr");
        for (String h : new String[] {"Server", "Description", "Status", "MCP URL", "Action"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        for (McpServerStates.ServerStatus status : states.statuses()) {
            String server = status.server();
            McpServerStates.State state = status.state();
            m.open("tr", "data-server", server);
            m.open("td").element("strong", server).close("td");
            m.element("td", DESCRIPTIONS.getOrDefault(server, ""));
            m.open("td");
            badge(m, state, status.activeFrom(), c.clock.instant());
            m.close("td");
            m.open("td").element("code", urls.mcp(server)).close("td");
            m.open("td");
            if (state == McpServerStates.State.INACTIVE) {
                c.button(m, c.path("servers/activate"), "Activate", "primary", "server", server);
            } else {
                c.button(m, c.path("servers/deactivate"), "Deactivate", "destructive", "server", server);
            }
            m.close("td").close("tr").newline();
        }
        m.close("tbody").close("table");
        ClockControls.render(m, c, Section.SERVERS);
        return ConsoleLayout.page(c, Section.SERVERS, "MCP Servers", m);
    }

    static void activate(ConsoleContext c, boolean activate) {
        String server = c.ctx.formParam("server");
        if (server == null || !McpPathParser.sobjectServers().contains(server)) {
            throw new ConsoleProblem(400, "No standard MCP server '" + server + "'.");
        }
        if (activate) {
            c.org.servers().activate(server);
        } else {
            c.org.servers().deactivate(server);
        }
        McpServerStates.State state = c.org.servers().state(server);
        c.redirect("servers", server + (activate ? state == McpServerStates.State.ACTIVE ? " is active." : " is pending activation."
                : " is inactive."));
    }

    static void setDelay(ConsoleContext c) {
        Duration delay = DelayForm.read(c);
        c.org.servers().setActivationDelay(delay);
        c.redirect(Section.SERVERS.segment, "Servers activated from now on are active after " + describe(delay) + ".");
    }

    private static void badge(Markup m, McpServerStates.State state, Instant from, Instant now) {
        switch (state) {
            case ACTIVE -> m.element("span", "Active", "class", "badge ok");
            case INACTIVE -> m.element("span", "Inactive", "class", "badge off");
            case PENDING_ACTIVATION -> m.element("span", "Pending activation: active in "
                    + describe(Duration.between(now, from)), "class", "badge pending");
        }
    }

    /** A duration as Setup words it: "2 min 5 s", "none". */
    static String describe(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 999) / 1000); // "2 min", not "1 min 59 s", for a delay just begun
        if (seconds == 0) {
            return "none";
        }
        long h = seconds / 3600;
        long min = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h ");
        }
        if (min > 0) {
            out.append(min).append(" min ");
        }
        if (s > 0 || out.length() == 0) {
            out.append(s).append(" s");
        }
        return out.toString().trim();
    }
}
