package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.org.ApiUsageEvent;
import dev.sfmcp.emulator.org.EventLog;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Event Log Files: the org's daily ApiTotalUsage files (one per UTC day with events), each downloadable as the CSV the
 * admin API serves, and a day's events as a table.
 */
final class EventLogFilesPage {

    private static final int SHOWN = 500;

    private EventLogFilesPage() {
    }

    static String render(ConsoleContext c) {
        EventLog log = c.org.eventLog();
        List<LocalDate> days = log.days();
        LocalDate day = date(c, days.isEmpty() ? LocalDate.ofInstant(c.clock.instant(), ZoneOffset.UTC) : days.get(days.size() - 1));
        Markup m = new Markup();
        m.element("h1", "Event Log Files");
        m.element("p", "One ApiTotalUsage file per day (UTC), one row per MCP tool call.", "class", "muted");
        m.open("table", "id", "files").open("thead").open("tr");
        for (String h : new String[] {"Event type", "Log date", "Interval", "Events", "File"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        for (LocalDate d : newestFirst(days)) {
            int events = log.day(d).size();
            m.open("tr", "data-date", d.toString(), "class", d.equals(day) ? "ok" : null);
            m.element("td", ApiUsageEvent.EVENT_TYPE);
            m.open("td").element("a", d.toString(), "href", c.path("event-log-files") + "?date=" + d).close("td");
            m.element("td", "Daily").element("td", events);
            m.open("td").element("a", "Download CSV", "class", "button", "href", c.path("event-log-files/ApiTotalUsage.csv") + "?date=" + d)
                    .close("td");
            m.close("tr").newline();
        }
        m.close("tbody").close("table");
        if (days.isEmpty()) {
            m.element("p", "No events yet: every MCP tool call adds one.", "class", "card", "id", "no-events");
        }
        List<ApiUsageEvent> events = log.day(day);
        m.element("h2", "Events of " + day + " (" + events.size() + ")");
        m.open("table", "id", "events").open("thead").open("tr");
        for (String h : new String[] {"Time", "User", "Method", "Status", "Resource", "Entity", "Client", "App", "Counts"}) {
            m.element("th", h);
        }
        m.close("tr").close("thead").open("tbody");
        for (ApiUsageEvent e : newestFirst(events.subList(Math.max(0, events.size() - SHOWN), events.size()))) {
            m.open("tr", "class", e.statusCode() >= 400 ? "error" : null);
            m.element("td", ConsoleLayout.when(e.timestamp()), "title", e.timestamp().toString()).element("td", e.username())
                    .element("td", e.httpMethod()).element("td", e.statusCode()).element("td", e.apiResource()).element("td", e.entityName())
                    .element("td", e.clientName()).element("td", e.connectedAppName())
                    .element("td", e.countsAgainstApiLimit() ? "yes" : "no");
            m.close("tr").newline();
        }
        m.close("tbody").close("table");
        return ConsoleLayout.page(c, Section.EVENT_LOG_FILES, "Event Log Files", m);
    }

    /** The day's CSV, as {@code GET /_emulator/orgs/{org}/event-log-files/ApiTotalUsage} serves it. */
    static void download(ConsoleContext c) {
        LocalDate date = date(c, LocalDate.ofInstant(c.clock.instant(), ZoneOffset.UTC));
        c.ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ApiTotalUsage-" + date + ".csv\"")
                .result(c.org.eventLog().csv(date));
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> out = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private static LocalDate date(ConsoleContext c, LocalDate otherwise) {
        String raw = c.ctx.queryParam("date");
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new ConsoleProblem(400, "The date must be YYYY-MM-DD, not '" + raw + "'.");
        }
    }
}
