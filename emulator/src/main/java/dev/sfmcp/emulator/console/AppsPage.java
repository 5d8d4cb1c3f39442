package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.http.McpPathParser;
import dev.sfmcp.emulator.org.ExternalClientApps;
import dev.sfmcp.fixtures.app.ExternalClientApp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * External Client Apps: the org's apps with their main policies and whether the latest settings are in effect yet
 * (changes wait for the propagation delay), a form to create one, a detail page to edit every policy, delete the app,
 * copy the consumer key, and copy client configuration snippets for Claude, Cursor, MCP Inspector and Postman.
 */
final class AppsPage {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppsPage() {
    }

    static String list(ConsoleContext c) {
        ExternalClientApps apps = c.org.apps();
        Markup m = new Markup();
        m.open("div", "class", "page-header").element("h1", "External Client Apps").open("div", "class", "actions")
                .element("a", "New External Client App", "class", "button primary", "href", c.path("apps/new"), "id", "new-app")
                .close("div").close("div");
        m.element("p", "Changes take effect after the propagation delay of this org: "
                + ServersPage.describe(apps.propagationDelay()) + ".", "class", "muted");
        m.open("div", "class", "tiles");
        DelayForm.render(m, c, "apps/delay", "Propagation delay (seconds) ", apps.propagationDelay());
        m.close("div");
        m.open("table", "id", "apps").open("thead").open("tr");
        for (String h : new String[] {"App name", "Consumer key", "Type", "PKCE", "Token format", "Secret", "Status"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        int row = 0;
        for (String key : apps.consumerKeys()) {
            ExternalClientApp app = apps.latest(key).orElseThrow();
            row++;
            m.open("tr", "data-consumer-key", key);
            m.open("td").element("a", app.label(), "href", c.path("apps/" + ConsoleContext.encode(key))).close("td");
            m.open("td");
            copyable(m, "key-" + row, key);
            m.close("td");
            m.element("td", app.clientType().name());
            m.element("td", app.isPkceRequired() ? "Required" : "Optional");
            m.element("td", app.isNamedUserJwtEnabled() ? "JWT" : "Opaque");
            m.element("td", app.consumerSecret() == null ? "None" : "Set");
            m.open("td");
            status(m, apps, key, c.clock.instant());
            m.close("td").close("tr").newline();
        }
        m.close("tbody").close("table");
        ClockControls.render(m, c, Section.APPS);
        return ConsoleLayout.page(c, Section.APPS, "External Client Apps", m, "copy.js");
    }

    static String newApp(ConsoleContext c) {
        return newAppPage(c, ExternalClientApp.builder(generatedKey()).label("New MCP client")
                .callbackUrls(ClientSnippets.CLAUDE_CALLBACK, ClientSnippets.CURSOR_CALLBACK, ClientSnippets.INSPECTOR_CALLBACK,
                        ClientSnippets.POSTMAN_CALLBACK).build(), null);
    }

    private static String newAppPage(ConsoleContext c, ExternalClientApp app, String problem) {
        Markup m = new Markup();
        m.element("h1", "New External Client App");
        problem(m, problem);
        c.form(m, c.path("apps"), "app-form").open("div", "class", "card");
        AppForm.fields(m, app, true);
        m.close("div").element("button", "Create", "type", "submit", "class", "primary", "id", "save-app").close("form");
        return ConsoleLayout.page(c, Section.APPS, "New External Client App", m);
    }

    static void create(ConsoleContext c) {
        ExternalClientApp app;
        try {
            app = AppForm.read(c.ctx, ExternalClientApp.builder("pending").build(), true);
        } catch (AppForm.InvalidApp e) {
            c.ctx.status(400).html(newAppPage(c, ExternalClientApp.builder(nonBlank(c.ctx.formParam("consumerKey"))).build(), e.getMessage()));
            return;
        }
        if (c.org.apps().latest(app.consumerKey()).isPresent()) {
            c.ctx.status(409).html(newAppPage(c, app, "An app with consumer key '" + app.consumerKey() + "' already exists in this org."));
            return;
        }
        c.org.apps().deploy(app);
        c.redirect("apps/" + ConsoleContext.encode(app.consumerKey()), "Created " + app.label() + ".");
    }

    static String detail(ConsoleContext c) {
        return detailPage(c, app(c), null);
    }

    private static String detailPage(ConsoleContext c, ExternalClientApp app, String problem) {
        String key = app.consumerKey();
        String server = c.ctx.queryParam("server");
        if (server == null || !McpPathParser.sobjectServers().contains(server)) {
            server = "platform/sobject-all";
        }
        Markup m = new Markup();
        m.open("div", "class", "page-header").element("h1", app.label());
        m.open("div", "class", "actions");
        c.button(m, c.path("apps/" + ConsoleContext.encode(key) + "/delete"), "Delete", "destructive");
        m.close("div").close("div");
        m.open("div", "class", "card").open("p").text("Consumer key ");
        copyable(m, "consumer-key", key);
        m.close("p").open("p").text("Status ");
        status(m, c.org.apps(), key, c.clock.instant());
        m.close("p").close("div");
        problem(m, problem);

        m.element("h2", "Client configuration");
        m.open("p").text("For the MCP server ");
        for (String s : McpPathParser.sobjectServers().stream().sorted().toList()) {
            if (s.equals(server)) {
                m.element("strong", s, "class", "badge info");
            } else {
                m.element("a", s, "href", c.path("apps/" + ConsoleContext.encode(key)) + "?server=" + ConsoleContext.encode(s));
            }
            m.text(" ");
        }
        m.close("p");
        m.open("div", "class", "snippets");
        for (ClientSnippets.Snippet snippet : ClientSnippets.of(app, new OrgUrls(c.baseUrl(), c.org), server, c.org.name())) {
            m.open("div", "class", "card snippet");
            m.open("div", "class", "copy-row").element("h3", snippet.title())
                    .element("button", "Copy", "type", "button", "class", "copy", "data-copy", snippet.id(), "id", "copy-" + snippet.id())
                    .close("div");
            m.element("pre", snippet.text(), "id", snippet.id());
            if (snippet.note() != null) {
                m.element("p", snippet.note(), "class", "badge pending");
            }
            m.close("div");
        }
        m.close("div");

        m.element("h2", "OAuth policies");
        c.form(m, c.path("apps/" + ConsoleContext.encode(key)), "app-form").open("div", "class", "card");
        AppForm.fields(m, app, false);
        m.close("div").element("button", "Save", "type", "submit", "class", "primary", "id", "save-app").close("form");
        return ConsoleLayout.page(c, Section.APPS, app.label(), m, "copy.js");
    }

    static void save(ConsoleContext c) {
        ExternalClientApp current = app(c);
        ExternalClientApp changed;
        try {
            changed = AppForm.read(c.ctx, current, false);
        } catch (AppForm.InvalidApp e) {
            c.ctx.status(400).html(detailPage(c, current, e.getMessage()));
            return;
        }
        c.org.apps().deploy(changed);
        Duration delay = c.org.apps().propagationDelay();
        c.redirect("apps/" + ConsoleContext.encode(current.consumerKey()), "Saved " + changed.label()
                + (delay.isZero() ? "." : ": the changes take effect in " + ServersPage.describe(delay) + "."));
    }

    static void setDelay(ConsoleContext c) {
        Duration delay = DelayForm.read(c);
        c.org.apps().setPropagationDelay(delay);
        c.redirect(Section.APPS.segment, "App changes made from now on take effect after " + ServersPage.describe(delay) + ".");
    }

    static void delete(ConsoleContext c) {
        ExternalClientApp app = app(c);
        c.org.apps().remove(app.consumerKey());
        c.redirect("apps", "Deleted " + app.label() + ".");
    }

    private static ExternalClientApp app(ConsoleContext c) {
        String key = c.ctx.pathParam("consumerKey");
        return c.org.apps().latest(key).orElseThrow(() -> new ConsoleProblem(404, "No External Client App '" + key + "' in this org."));
    }

    /** A value with a Copy button (copy.js); without JavaScript the value is plain selectable text. */
    static void copyable(Markup m, String id, String value) {
        m.open("span", "class", "copy-row").element("code", value, "id", id)
                .element("button", "Copy", "type", "button", "class", "copy", "data-copy", id, "id", "copy-" + id).close("span");
    }

    private static void status(Markup m, ExternalClientApps apps, String key, Instant now) {
        Instant from = apps.latestEffectiveFrom(key).orElse(Instant.EPOCH);
        if (!from.isAfter(now)) {
            m.element("span", "In effect", "class", "badge ok");
        } else {
            m.element("span", (apps.effective(key).isPresent() ? "Changes take effect in " : "Takes effect in ")
                    + ServersPage.describe(Duration.between(now, from)), "class", "badge pending");
        }
    }

    private static void problem(Markup m, String problem) {
        if (problem != null) {
            m.element("div", problem, "class", "notice problem", "role", "alert", "id", "problem");
        }
    }

    /** A consumer key shaped like Salesforce's ({@code 3MVG9} and 80 more characters). */
    private static String generatedKey() {
        StringBuilder key = new StringBuilder("3MVG9");
        for (int i = 0; i < 80; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    private static String nonBlank(String key) {
        return key == null || key.isBlank() ? generatedKey() : key.trim();
    }
}
