package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfmcp.emulator.journal.JournalEntry;
import dev.sfmcp.emulator.journal.JournalFilter;
import dev.sfmcp.emulator.journal.RequestJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Request Journal, live: the org's MCP and OAuth requests newest first, each tool call with its arguments and
 * result, errors in red. The page lists the journal without JavaScript; {@code journal.js} polls
 * {@code journal/feed?since=N} once a second for newer rows, rendered here by the same code, so an audience watches an
 * agent's calls arrive.
 */
final class JournalPage {

    private static final int SHOWN = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestJournal journal;

    JournalPage(RequestJournal journal) {
        this.journal = journal;
    }

    String render(ConsoleContext c) {
        List<JournalEntry> entries = entries(c, 0);
        long last = entries.isEmpty() ? lastSequence() : entries.get(0).sequence();
        Markup m = new Markup();
        m.open("div", "class", "page-header").element("h1", "Request Journal").element("span", "Live", "id", "live-status", "class", "live");
        m.open("div", "class", "actions");
        c.button(m, c.path("journal/clear"), "Clear journal", "destructive");
        m.close("div").close("div");
        m.element("p", "MCP and OAuth requests of this org (and refused requests that named no org), newest first; "
                + (journal.enabled() ? "the journal keeps the last " + journal.capacity() + "." : "the journal is off (--journal-size 0)."),
                "class", "muted");
        m.open("table", "id", "journal").open("thead").open("tr");
        for (String h : new String[] {"#", "Time", "User", "Server or OAuth endpoint", "Method or grant", "Tool or app", "Object",
                "Status", "ms", "Details"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead");
        m.open("tbody", "id", "journal-rows", "data-last", String.valueOf(last), "data-feed", c.path("journal/feed"));
        if (entries.isEmpty()) {
            m.open("tr", "id", "journal-empty").element("td", "Nothing yet: connect a client and call a tool.", "colspan", "10").close("tr");
        }
        entries.forEach(e -> row(m, e));
        m.close("tbody").close("table");
        return ConsoleLayout.page(c, Section.JOURNAL, "Request Journal", m, "journal.js");
    }

    /** {@code GET journal/feed?since=N}: {@code {"last": N, "rows": "<tr>..."}} with the rows newer than N, newest first. */
    void feed(ConsoleContext c) {
        long since;
        try {
            String raw = c.ctx.queryParam("since");
            since = raw == null || raw.isBlank() ? 0 : Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConsoleProblem(400, "since must be a journal sequence number");
        }
        List<JournalEntry> entries = entries(c, since);
        Markup rows = new Markup();
        entries.forEach(e -> row(rows, e));
        ObjectNode body = JSON.createObjectNode();
        body.put("last", entries.isEmpty() ? Math.max(since, 0) : entries.get(0).sequence());
        body.put("rows", rows.toString());
        c.ctx.header("Cache-Control", "no-store").contentType("application/json").result(body.toString());
    }

    void clear(ConsoleContext c) {
        journal.clear();
        c.redirect(Section.JOURNAL.segment, "The journal is empty.");
    }

    /** The org's entries after {@code since}, newest first, at most {@link #SHOWN}. */
    private List<JournalEntry> entries(ConsoleContext c, long since) {
        List<JournalEntry> all = journal.find(JournalFilter.of(since > 0 ? Map.of("since", String.valueOf(since)) : Map.of()),
                journal.capacity());
        List<JournalEntry> mine = new ArrayList<>();
        for (JournalEntry e : all) {
            if (e.orgId() == null || e.orgId().startsWith(c.org.id15())) {
                mine.add(e);
            }
        }
        List<JournalEntry> newest = new ArrayList<>(mine.subList(Math.max(0, mine.size() - SHOWN), mine.size()));
        Collections.reverse(newest);
        return newest;
    }

    private long lastSequence() {
        List<JournalEntry> all = journal.find(JournalFilter.of(Map.of()), 1);
        return all.isEmpty() ? 0 : all.get(0).sequence();
    }

    private static void row(Markup m, JournalEntry e) {
        boolean oauth = "OAUTH".equals(e.kind());
        m.open("tr", "class", e.isError() ? "error" : "ok", "data-sequence", String.valueOf(e.sequence()), "data-kind", e.kind(),
                "data-tool", e.tool(), "data-method", e.rpcMethod(), "data-endpoint", e.endpoint());
        m.element("td", e.sequence()).element("td", clockTime(e.timestamp()), "title", e.timestamp()).element("td", e.username());
        if (oauth) {
            // an OAuth request: the login host's endpoint, the grant type and the app stand where MCP's server, method and tool do
            m.open("td").element("span", "OAuth", "class", "badge info").text(" " + (e.endpoint() == null ? e.path() : e.endpoint()))
                    .close("td");
            m.element("td", e.grantType() == null ? e.httpMethod() : e.grantType());
            m.element("td", e.clientId());
        } else {
            m.element("td", e.server());
            m.element("td", e.rpcMethod() == null ? e.httpMethod() : e.rpcMethod());
            m.open("td").element("strong", e.tool()).close("td");
        }
        m.element("td", e.sobject());
        m.open("td").element("span", e.errorCode() == null ? String.valueOf(e.status()) : e.status() + " " + e.errorCode(), "class",
                e.isError() ? "badge bad" : "badge ok").close("td");
        m.element("td", String.format(java.util.Locale.ROOT, "%.1f", e.durationMicros() / 1000.0));
        m.open("td");
        if (e.argumentsJson() != null || e.resultJson() != null || e.errorJson() != null) {
            m.open("details").element("summary", e.isError() ? "Error" : "Arguments and result");
            block(m, "Arguments", e.argumentsJson());
            block(m, "Result", e.resultJson());
            block(m, "Error", e.errorJson());
            m.close("details");
        }
        m.close("td").close("tr").newline();
    }

    /** {@code 06:11:17.882} of an ISO instant: the day is in the tooltip, the time is what a live audience follows. */
    private static String clockTime(String timestamp) {
        int t = timestamp.indexOf('T');
        int dot = timestamp.indexOf('.', t);
        String time = t < 0 ? timestamp : timestamp.substring(t + 1, dot < 0 ? timestamp.length() - 1 : Math.min(dot + 4, timestamp.length() - 1));
        return time;
    }

    private static void block(Markup m, String title, String json) {
        if (json != null) {
            m.element("h4", title).element("pre", pretty(json), "class", "block");
        }
    }

    /** Indented JSON when the text parses (a clipped text does not, and is shown as it is). */
    private static String pretty(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return json;
        }
    }
}
