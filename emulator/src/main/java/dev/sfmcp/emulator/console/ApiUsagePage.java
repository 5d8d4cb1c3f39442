package dev.sfmcp.emulator.console;

import dev.sfmcp.emulator.html.Markup;
import dev.sfmcp.emulator.org.ApiQuota;
import java.time.Instant;

/**
 * API Usage: the org's DailyApiRequests over the rolling 24 hours against its limit, as System Overview shows it,
 * and a chart of requests per hour.
 */
final class ApiUsagePage {

    private ApiUsagePage() {
    }

    static String render(ConsoleContext c) {
        ApiQuota quota = c.org.quota();
        long used = quota.used();
        long limit = quota.limit();
        Markup m = new Markup();
        m.element("h1", "API Usage");
        m.open("div", "class", "tiles");
        tile(m, "used", "API requests, last 24 hours", String.format("%,d", used));
        tile(m, "limit", "Daily limit", String.format("%,d", limit));
        tile(m, "remaining", "Remaining", String.format("%,d", quota.remaining()));
        m.close("div");
        int percent = limit == 0 ? 100 : (int) Math.min(100, used * 100 / limit);
        m.open("div", "class", "card").open("p").text(percent + "% of the limit used");
        Instant release = quota.nextRelease();
        if (release != null) {
            m.text("; the oldest counted request leaves the window at " + ConsoleLayout.when(release) + ".");
        }
        m.close("p").open("div", "class", "meter", "id", "meter").empty("span", "style", "width:" + percent + "%").close("span").close("div");
        m.close("div");
        m.element("h2", "Requests per hour, last 24 hours (UTC)");
        m.open("div", "class", "chart").append(UsageChart.svg(quota.hourly(), c.clock.instant())).close("div");
        m.element("h2", "Limit and usage");
        m.element("p", "Set the usage to the limit and the next tool call answers REQUEST_LIMIT_EXCEEDED, as a real org over "
                + "its daily requests does.", "class", "muted");
        c.form(m, c.path("api-usage"), "limits-form").open("div", "class", "card").open("div", "class", "form-grid");
        m.element("label", "Daily limit (DailyApiRequests Max)", "for", "max");
        m.empty("input", "type", "number", "min", "0", "name", "max", "id", "max", "value", String.valueOf(limit));
        m.element("label", "Requests used in the last 24 hours", "for", "used");
        m.empty("input", "type", "number", "min", "0", "name", "used", "id", "used", "value", String.valueOf(used));
        m.close("div").element("button", "Save", "type", "submit", "class", "primary").close("div").close("form");
        ClockControls.render(m, c, Section.API_USAGE);
        return ConsoleLayout.page(c, Section.API_USAGE, "API Usage", m);
    }

    static void setLimits(ConsoleContext c) {
        long max = c.wholeNumber("max");
        long used = c.wholeNumber("used");
        c.org.quota().setLimit(max);
        c.org.quota().setUsed(used);
        c.redirect(Section.API_USAGE.segment, "The daily limit is " + String.format("%,d", max) + ", with "
                + String.format("%,d", used) + " used.");
    }

    private static void tile(Markup m, String id, String label, String figure) {
        m.open("div", "class", "tile", "id", "tile-" + id).element("div", figure, "class", "figure").element("div", label, "class", "label")
                .close("div");
    }
}
